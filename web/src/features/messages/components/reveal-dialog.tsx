import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { issuesByField, isApiError } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useReveals } from '../api/get-reveals';
import { useRevealReporter } from '../api/reveal-reporter';
import styles from './messages.module.css';
import { REVEAL_REASON_LENGTH } from '@hy/schemas/tip-rules';

const REASON_MIN_CHARS = 10;

/**
 * A supervisor's reveal of a registered reporter, for one tip, with a written reason. Mount it in
 * the police tip view for supervisors only: `<RevealDialog tipId={tip.id} />`. The identity is shown
 * once in the dialog and dropped when it closes.
 */
export function RevealDialog({ tipId }: { tipId: string }) {
  const { t } = useTranslation('messages');
  const errorMessage = useErrorMessage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const reveals = useReveals(tipId);
  const reveal = useRevealReporter(tipId);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  const close = () => {
    setOpen(false);
    setReason('');
    setReasonError(null);
    reveal.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if ([...reason.trim()].length < REASON_MIN_CHARS) return setReasonError(t('reveal.reasonTooShort'));
    setReasonError(null);
    reveal.mutate(reason.trim(), {
      onError: (err) => {
        const field = isApiError(err) ? issuesByField(err).reason : undefined;
        if (field) setReasonError(t('reveal.reasonTooShort'));
      },
    });
  };

  if (reveals.data && !reveals.data.isRevealable) return <p className="field-hint">{t('reveal.anonymous')}</p>;

  const identity = reveal.data?.identity;
  const failure = reveal.error && !(isApiError(reveal.error) && reveal.error.status === 400) ? reveal.error : null;

  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)} disabled={!reveals.data}>
        {t('reveal.open')}
      </button>
      {reveals.data && reveals.data.reveals.length > 0 ? (
        <p className="field-hint">{t('reveal.earlier', { count: reveals.data.reveals.length })}</p>
      ) : null}
      <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId} onClose={close}>
        <h2 id={titleId}>{identity ? t('reveal.identity') : t('reveal.title')}</h2>
        {identity ? (
          <>
            <dl className={styles.identity}>
              <dt>{t('reveal.displayName')}</dt>
              <dd>{identity.displayName}</dd>
              <dt>{t('reveal.phone')}</dt>
              <dd>{identity.phone}</dd>
              <dt>{t('reveal.realName')}</dt>
              <dd>{identity.realName ?? t('reveal.notGiven')}</dd>
              <dt>{t('reveal.idNumber')}</dt>
              <dd className={styles.code}>{identity.idNumber ?? t('reveal.notGiven')}</dd>
            </dl>
            <div className={styles.actions}>
              <button type="button" className="btn btn-primary" onClick={close}>
                {t('reveal.close')}
              </button>
            </div>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <Alert tone="warning">{t('reveal.warning')}</Alert>
            <Field id={reasonId} label={t('reveal.reason')} hint={t('reveal.reasonHint')} error={reasonError} isRequired>
              {(control) => (
                <textarea {...control} className="textarea" rows={3} maxLength={REVEAL_REASON_LENGTH.max} value={reason} onChange={(e) => setReason(e.target.value)} />
              )}
            </Field>
            {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
            <div className={styles.actions}>
              <button type="button" className="btn btn-quiet" onClick={close}>
                {t('reveal.cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={reveal.isPending}>
                {reveal.isPending ? t('reveal.revealing') : t('reveal.confirm')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
