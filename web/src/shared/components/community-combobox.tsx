import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from '../../components/ui/field';
import { localizedName } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { useLanguage } from '../../lib/use-language';
import { useCommunitySearch } from '../api/search-communities';
import type { Community } from '../types/reference';
import css from './community-combobox.module.css';

/** What the field shows as chosen: a search result, or an account's current community (id and names). */
export type CommunityChoice = Pick<Community, 'id' | 'nameZh' | 'nameEn'>;

type Props = ControlProps & {
  /** Narrow the search to a district and township (ids as strings, '' for any). */
  districtId?: string;
  townshipId?: string;
  value: CommunityChoice | null;
  onChange: (community: Community | null) => void;
  isDisabled?: boolean;
};

/** Typing waits this long before asking the server, so a word typed quickly is one request. */
const DEBOUNCE_MS = 200;

/**
 * Picks one of Hengyang's 2,760 villages and communities by typing its Chinese name, pinyin or
 * initials (岳屏, yueping, ypsq): the WAI-ARIA combobox pattern, with the Field's <label> on the
 * input, arrow keys / Enter / Escape, and options large enough to tap.
 */
export function CommunityCombobox({ districtId = '', townshipId = '', value, onChange, isDisabled = false, ...control }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const listId = useId();
  const [text, setText] = useState('');
  const [isEditing, setIsEditing] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(isEditing ? text : '', DEBOUNCE_MS);
  const search = useCommunitySearch({ districtId, townshipId, q }, isOpen && !isDisabled);
  const options = search.data?.communities ?? [];
  const hasMore = Boolean(search.data?.nextCursor);
  // Still the list of an earlier text: typing not yet settled, or its answer not yet here.
  const isStale = (isEditing && text.trim() !== q.trim()) || search.isPlaceholderData || search.isFetching;
  const shown = isEditing || !value ? text : localizedName(value, language);
  const activeOption = isOpen ? options[Math.min(active, options.length - 1)] : undefined;
  const optionId = (c: Community) => `${listId}-${c.id}`;

  const choose = (community: Community) => {
    onChange(community);
    setIsEditing(false);
    setText('');
    setIsOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!isOpen) return setIsOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + step)));
    } else if (event.key === 'Enter' && isOpen && activeOption) {
      // Enter picks the highlighted option instead of submitting the form.
      event.preventDefault();
      choose(activeOption);
    } else if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      setIsOpen(false);
    }
  };

  return (
    <div className={css.box}>
      <input
        {...control}
        className={`input ${css.input}`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        enterKeyHint="search"
        placeholder={t('places.searchPlaceholder')}
        disabled={isDisabled}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          setIsEditing(true);
          setIsOpen(true);
          setActive(0);
          if (value) onChange(null);
        }}
        onFocus={(e) => {
          setIsOpen(true);
          // On a phone, lift the field to the top so the options show above the keyboard and tab bar.
          if (window.innerHeight < 800) e.currentTarget.scrollIntoView({ block: 'start' });
        }}
        onClick={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className={css.popup} hidden={!isOpen}>
        <ul id={listId} role="listbox" aria-label={t('places.matches')} aria-busy={isStale || undefined} className={css.list}>
          {options.map((c, i) => (
            <li
              key={c.id}
              id={optionId(c)}
              role="option"
              aria-selected={activeOption?.id === c.id}
              className={css.option}
              // Keep the focus in the input: a tap must not blur (and close) before it picks.
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(c)}
            >
              <span className={css.name}>{localizedName(c, language)}</span>
              <span className={css.other} lang={language === 'en' ? 'zh-CN' : 'en'}>
                {language === 'en' ? c.nameZh : c.nameEn}
              </span>
            </li>
          ))}
        </ul>
        <p className={css.status} role="status">
          {search.isPending || isStale
            ? t('places.searching')
            : search.isError
              ? t('places.searchFailed')
              : options.length === 0
                ? t('places.noMatch')
                : hasMore
                  ? t('places.keepTyping', { count: options.length })
                  : t('places.matchCount', { count: options.length })}
        </p>
      </div>
    </div>
  );
}
