import { useTranslation } from 'react-i18next';
import type { ControlProps } from '../../components/ui/field';
import { localizedName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useCategories } from '../api/get-categories';

type Props = ControlProps & {
  value: string;
  onChange: (category: string) => void;
  /** The first option's text: no category chosen (e.g. "Any" in a filter). */
  emptyLabel: string;
};

/** A category picker in the active language, for filters (the queue, the map). */
export function CategorySelect({ value, onChange, emptyLabel, ...control }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = useCategories();
  return (
    <select {...control} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{categories.isPending ? t('loading') : emptyLabel}</option>
      {categories.data?.map((c) => (
        <option key={c.id} value={c.id}>
          {localizedName(c, language)}
        </option>
      ))}
    </select>
  );
}
