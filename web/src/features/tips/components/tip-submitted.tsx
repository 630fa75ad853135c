import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreateTipResult } from '../api/create-tip';
import styles from './tip-submitted.module.css';

/** The success screen: the reference, and for anonymous tips the one-time access code to write down. */
export function TipSubmitted({
  result,
  onReportAnother,
  onWrittenDown,
}: {
  result: CreateTipResult;
  onReportAnother: () => void;
  /** Told when the tipster confirms they wrote the access code down (the outbox then forgets it). */
  onWrittenDown?: () => void;
}) {
  const { t } = useTranslation('tips');
  const { t: tc } = useTranslation();
  const { t: tm } = useTranslation('messages');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [hasWrittenDown, setWrittenDown] = useState(!result.accessCode);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="card" aria-labelledby="tip-submitted-title">
      <svg className={styles.check} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm4.3 6.3L10.5 14l-2.8-2.7-1.4 1.4 4.2 4.2 7.2-7.2z" />
      </svg>
      <h2 id="tip-submitted-title" ref={headingRef} tabIndex={-1}>
        {t('success.title')}
      </h2>
      <p>{t('success.body')}</p>
      <p className={styles.reference}>{result.tip.reference}</p>

      {result.accessCode ? (
        <div className="alert alert-warning" role="note" aria-labelledby="tip-access-code-title">
          <h2 id="tip-access-code-title">{t('success.accessCodeTitle')}</h2>
          <p>{t('success.accessCodeBody')}</p>
          <p>
            {t('success.accessCode')}
            <span className={styles.code}>{result.accessCode}</span>
          </p>
          {hasWrittenDown ? null : (
            <button type="button" className="btn btn-primary btn-block" onClick={() => {
                setWrittenDown(true);
                onWrittenDown?.();
              }}>
              {t('success.confirmWritten')}
            </button>
          )}
        </div>
      ) : null}

      {hasWrittenDown ? (
        <div className={styles.actions}>
          {result.tip.isAnonymous ? (
            <Link className="btn btn-primary" to="/track">
              {tm('track.title')}
            </Link>
          ) : (
            <Link className="btn btn-primary" to={`/my-tips/${result.tip.id}`}>
              {t('success.viewTip')}
            </Link>
          )}
          <button type="button" className="btn btn-secondary" onClick={onReportAnother}>
            {t('success.another')}
          </button>
          <Link className="btn btn-quiet" to="/">
            {tc('nav.home')}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
