import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-error';
import { currentLanguage } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/use-error-message';
import { DistrictSelect } from '../../../shared/components/district-select';
import type { PoliceTip } from '../../../shared/types/tip';
import { useReverseTip } from '../api/reverse-tip';
import { useTransferTip } from '../api/transfer-tip';
import styles from '../../../styles/police.module.css';

/** The API's reason rule (2–500 characters), said before sending. */
const REASON_MAX = 500;
const isReasonOk = (reason: string) => [...reason.trim()].length >= 2;

/** Reversal errors the desk can name in its own language; anything else as the API said it. */
function useReversalError() {
  const { t } = useTranslation('police');
  const errorMessage = useErrorMessage();
  return (error: unknown) => {
    if (isApiError(error) && error.status === 409) {
      const details = error.details as { reason?: string; status?: string } | null;
      if (details?.reason === 'reversal_window_closed') return t('reverse.windowClosed');
      if (details?.status === 'solved' || details?.status === 'closed') return t('reverse.caseSettled');
    }
    if (isApiError(error) && error.status === 403) return t('reverse.notYours');
    return errorMessage(error);
  };
}

/** True until `until` passes (re-rendering then), so a countdown button disappears on time. */
function useIsBefore(until: string | null): boolean {
  const [, tick] = useState(0);
  const left = until ? Date.parse(until) - Date.now() : Infinity;
  useEffect(() => {
    if (!Number.isFinite(left) || left <= 0) return;
    // setTimeout's limit is ~24.8 days; windows are minutes or days, and a re-render re-arms it.
    const timer = setTimeout(() => tick((n) => n + 1), Math.min(left + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [left]);
  return left > 0;
}

/**
 * `Undo` after one's own decision, for as long as the API allows it (the tip's `reversal.until`).
 * One click: the reason recorded is the standard "undone by the deciding officer".
 */
export function UndoBar({ tip, message, onUndone }: { tip: PoliceTip; message: string | null; onUndone: () => void }) {
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const reverse = useReverseTip(tip.id);
  const reversalError = useReversalError();
  const until = tip.reversal?.kind === 'undo' ? tip.reversal.until : null;
  const isOpen = useIsBefore(until);
  if (!until || !isOpen) return message ? <Alert tone="success">{message}</Alert> : null;
  return (
    <>
      <Alert
        tone="success"
        actions={
          <button type="button" className="btn btn-secondary" onClick={() => reverse.mutate(t('undo.reason'), { onSuccess: onUndone })} disabled={reverse.isPending}>
            {t('undo.button')}
          </button>
        }
      >
        {message ? `${message} ` : ''}
        {t('undo.until', { time: formatDateTime(until, language) })}
      </Alert>
      {reverse.isError ? <Alert tone="error">{reversalError(reverse.error)}</Alert> : null}
    </>
  );
}

/** A supervisor's (or admin's) reversal of a decision, with a written reason. */
export function ReversePanel({ tip }: { tip: PoliceTip }) {
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const reverse = useReverseTip(tip.id);
  const reversalError = useReversalError();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const until = tip.reversal?.kind === 'review' ? tip.reversal.until : null;
  const isOpen = useIsBefore(until);
  if (tip.reversal?.kind !== 'review' || !isOpen) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isReasonOk(reason)) return setProblem(t('reverse.reasonNeeded'));
    setProblem(null);
    reverse.mutate(reason.trim(), { onSuccess: () => setReason('') });
  };

  return (
    <section className={styles.panel} aria-labelledby="tip-reverse">
      <h2 id="tip-reverse">{t('reverse.title')}</h2>
      <p className={styles.hint}>{until ? t('reverse.until', { time: formatDateTime(until, language) }) : t('reverse.anyTime')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field id="reverse-reason" label={t('reverse.reason')} hint={t('reverse.reasonHint')} error={problem}>
          {(control) => (
            <textarea {...control} className="textarea" rows={2} maxLength={REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        {reverse.isError ? <Alert tone="error">{reversalError(reverse.error)}</Alert> : null}
        <button type="submit" className="btn btn-secondary" disabled={reverse.isPending}>
          {t('reverse.submit')}
        </button>
      </form>
    </section>
  );
}

/** Sends an undecided tip to the district where it belongs, with a reason for the record. */
export function TransferPanel({ tip, onTransferred }: { tip: PoliceTip; onTransferred: (tip: PoliceTip) => void }) {
  const { t } = useTranslation('police');
  const errorMessage = useErrorMessage();
  const transfer = useTransferTip(tip.id);
  const [districtId, setDistrictId] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ districtId?: string; reason?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(!districtId ? { districtId: t('transfer.districtNeeded') } : Number(districtId) === tip.districtId ? { districtId: t('transfer.sameDistrict') } : {}),
      ...(!isReasonOk(reason) ? { reason: t('transfer.reasonNeeded') } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length) return;
    transfer.mutate({ districtId: Number(districtId), reason: reason.trim() }, { onSuccess: onTransferred });
  };

  return (
    <section className={styles.panel} aria-labelledby="tip-transfer">
      <h2 id="tip-transfer">{t('transfer.title')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field id="transfer-district" label={t('transfer.district')} error={problems.districtId}>
          {(control) => <DistrictSelect {...control} value={districtId} onChange={setDistrictId} />}
        </Field>
        <Field id="transfer-reason" label={t('transfer.reason')} hint={t('transfer.reasonHint')} error={problems.reason}>
          {(control) => (
            <textarea {...control} className="textarea" rows={2} maxLength={REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        {transfer.isError ? <Alert tone="error">{errorMessage(transfer.error)}</Alert> : null}
        <button type="submit" className="btn btn-secondary" disabled={transfer.isPending}>
          {t('transfer.submit')}
        </button>
      </form>
    </section>
  );
}
