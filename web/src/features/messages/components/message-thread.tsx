import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import { MESSAGE_MAX_CHARS } from '@hy/schemas/message-rules';
import type { Message } from '@hy/schemas/messages';
import styles from './messages.module.css';

/** The same rule as the API's: tags are refused (messages are plain text), a lone "<" is fine. */
const MARKUP = /<\/?[a-z!?][^<>]*>|<!--/i;

type Props = {
  messages: Message[];
  /** Whose screen this is: the reporter (registered or anonymous) or police. */
  viewer: 'reporter' | 'police';
  isAnonymous?: boolean;
  unread?: number;
  onSend: (body: string) => Promise<unknown>;
  isSending: boolean;
};

/**
 * A tip's conversation. Bodies are rendered as React text (never HTML); authors are shown only
 * as "Police" / "Tipster" / "You".
 */
export function MessageThread({ messages, viewer, isAnonymous = false, unread = 0, onSend, isSending }: Props) {
  const { t } = useTranslation('messages');
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const length = [...draft.trim()].length;
  const isTooLong = length > MESSAGE_MAX_CHARS;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (length === 0) return setError(t('thread.emptyInput'));
    if (isTooLong) return setError(t('thread.tooLong'));
    if (MARKUP.test(draft)) return setError(t('thread.noMarkup'));
    setError(null);
    try {
      await onSend(draft.trim());
      setDraft('');
    } catch (err) {
      if (isApiError(err) && err.status === 409) return setError(t('thread.archived'));
      setError(errorMessage(err));
    }
  };

  const authorOf = (m: Message) => (m.isMine && viewer === 'reporter' ? t('thread.from.you') : t(`thread.from.${m.from}`));

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {viewer === 'reporter' ? t('thread.titleReporter') : t('thread.titlePolice')}
        {unread > 0 ? <span className={styles.unread}>{t('thread.unread', { count: unread })}</span> : null}
      </h2>
      <p className="field-hint">{viewer === 'reporter' ? t('thread.introReporter') : t('thread.introPolice')}</p>
      {messages.length === 0 ? (
        <p>{t('thread.empty')}</p>
      ) : (
        <ol className={styles.list}>
          {messages.map((m) => (
            <li key={m.id} className={`${styles.message} ${m.isMine ? styles.mine : ''}`}>
              <span className={styles.meta}>
                <span className={styles.author}>{authorOf(m)}</span> ·{' '}
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, language)}</time>
              </span>
              <p className={styles.body}>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className={styles.composer} onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id={inputId}
          label={t('thread.label')}
          hint={isAnonymous ? t('thread.hintAnonymous', { max: MESSAGE_MAX_CHARS }) : t('thread.hint', { max: MESSAGE_MAX_CHARS })}
          error={error}
          aside={
            <span className={`${styles.counter} ${isTooLong ? styles.over : ''}`} aria-live="polite">
              {t('thread.counter', { count: length, max: MESSAGE_MAX_CHARS })}
            </span>
          }
        >
          {(control) => (
            <textarea {...control} className="textarea" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={isSending}>
          {isSending ? t('thread.sending') : t('thread.send')}
        </button>
      </form>
    </section>
  );
}

