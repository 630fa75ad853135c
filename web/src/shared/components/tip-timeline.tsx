import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import type { Tip, TipHistoryEntry, TipStatus } from '../types/tip';
import styles from './tip-timeline.module.css';

type TimelineEvent = {
  key: string;
  title: string;
  by: TipHistoryEntry['by'];
  at: string;
  note: string | null;
  status: TipStatus | null;
};

/** The tip's history, oldest first, starting with its submission. */
export function TipTimeline({ tip }: { tip: Tip }) {
  const { t } = useTranslation('tips');
  const language = useLanguage();

  const history = [...tip.history].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const events: TimelineEvent[] = history.map((entry) => ({
    key: String(entry.id),
    title:
      entry.kind === 'status' && entry.toStatus
        ? entry.toStatus === 'submitted'
          ? t('detail.event.submitted')
          : t('detail.event.status', { status: t(`status.${entry.toStatus}`) })
        : t(`detail.event.${entry.kind}`),
    by: entry.by,
    at: entry.createdAt,
    note: entry.note,
    status: entry.kind === 'status' ? entry.toStatus : null,
  }));
  // The server may or may not record the submission itself as a history entry.
  if (!history.some((entry) => entry.kind === 'status' && entry.toStatus === 'submitted' && !entry.fromStatus)) {
    events.unshift({
      key: 'submitted',
      title: t('detail.event.submitted'),
      by: 'you',
      at: tip.createdAt,
      note: null,
      status: 'submitted',
    });
  }

  return (
    <ol className={styles.timeline}>
      {events.map((event) => (
        <li key={event.key} className={styles.event}>
          <span className={styles.dot} data-status={event.status ?? undefined} aria-hidden="true" />
          <span className={styles.title}>{event.title}</span>
          <span className={styles.meta}>
            {t(`detail.by.${event.by}`)} · <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
          </span>
          {event.note ? <p className={styles.note}>{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
