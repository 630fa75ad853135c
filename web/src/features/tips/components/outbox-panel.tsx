import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { formatDateTime } from '../../../lib/format';
import { isKnownErrorCode } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import { deleteOutboxTip, type OutboxTip } from '../outbox/outbox-db';
import { flushOutbox } from '../outbox/send-outbox';
import { useOutbox } from '../outbox/use-outbox';
import styles from './outbox-panel.module.css';
import { TipSubmitted } from './tip-submitted';

const SNIPPET = 80;

/**
 * Tips kept on this phone: each one waiting to send (it goes by itself when the connection is back),
 * refused by the server (with the reason), or just sent — its reference, and for an anonymous tip
 * the access code, shown once: forgotten when the tipster confirms they wrote it down.
 */
export function OutboxPanel() {
  const { t } = useTranslation('tips');
  const { t: tc } = useTranslation();
  const language = useLanguage();
  const outbox = useOutbox();
  const [shown, setShown] = useState<OutboxTip[]>([]);
  const [isOnline, setOnline] = useState(() => navigator.onLine);

  // Opening the page is a chance to send too (the page-load flag may be missing, e.g. storage refused).
  useEffect(() => {
    void flushOutbox();
  }, []);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  // A sent tip moves to this screen's state; a signed-in volunteer's is forgotten on the device at once
  // (it is in My tips), an anonymous one only once its code is written down.
  const sent = outbox.filter((tip) => tip.status === 'sent' && tip.result);
  useEffect(() => {
    const fresh = sent.filter((tip) => !shown.some((s) => s.id === tip.id));
    if (fresh.length === 0) return;
    setShown((current) => [...current, ...fresh]);
    for (const tip of fresh) if (!tip.result?.accessCode) void deleteOutboxTip(tip.id).catch(() => undefined);
  }, [sent, shown]);

  const waiting = outbox.filter((tip) => tip.status === 'waiting');
  const refused = outbox.filter((tip) => tip.status === 'refused');
  const dismiss = (id: string) => {
    setShown((current) => current.filter((tip) => tip.id !== id));
    void deleteOutboxTip(id).catch(() => undefined);
  };

  if (waiting.length === 0 && refused.length === 0 && shown.length === 0) return null;

  return (
    <div className={styles.outbox}>
      {shown.map((tip) => (
        <TipSubmitted key={tip.id} result={tip.result!} onReportAnother={() => dismiss(tip.id)} onWrittenDown={() => void deleteOutboxTip(tip.id).catch(() => undefined)} />
      ))}

      {waiting.length > 0 ? (
        <section className="card" aria-labelledby="outbox-title">
          <h2 id="outbox-title">{t('outbox.title', { count: waiting.length })}</h2>
          <p>{isOnline ? t('outbox.bodyOnline') : t('outbox.bodyOffline')}</p>
          <ul className={styles.list}>
            {waiting.map((tip) => (
              <li key={tip.id} className={styles.item}>
                <span className={styles.badge}>{t('outbox.waiting')}</span>
                <p className={styles.snippet}>
                  {tip.fields.description.length > SNIPPET ? `${tip.fields.description.slice(0, SNIPPET)}…` : tip.fields.description}
                </p>
                <p className={styles.meta}>
                  {t('outbox.queuedAt', { time: formatDateTime(new Date(tip.queuedAt).toISOString(), language) })}
                  {tip.photos.length > 0 ? ` · ${t('outbox.photos', { count: tip.photos.length })}` : ''}
                  {tip.isAnonymous ? ` · ${t('outbox.anonymous')}` : ''}
                </p>
              </li>
            ))}
          </ul>
          {isOnline ? (
            <button type="button" className="btn btn-secondary" onClick={() => void flushOutbox()}>
              {t('outbox.sendNow')}
            </button>
          ) : null}
        </section>
      ) : null}

      {refused.map((tip) => (
        <Alert
          key={tip.id}
          tone="error"
          actions={
            <button type="button" className="btn btn-secondary" onClick={() => dismiss(tip.id)}>
              {t('outbox.discard')}
            </button>
          }
        >
          <p>{t('outbox.refused', { reason: tip.errorCode && isKnownErrorCode(tip.errorCode) ? tc(`errors.code.${tip.errorCode}`) : tc('errors.unexpected') })}</p>
          <p className={styles.snippet}>{tip.fields.description.slice(0, SNIPPET)}</p>
        </Alert>
      ))}
    </div>
  );
}
