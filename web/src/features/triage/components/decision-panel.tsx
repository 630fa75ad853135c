import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Field } from '../../../components/ui/field';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useDecideTip } from '../api/decide-tip';
import { priorities, type PoliceTip, type Priority } from '../../../shared/types/tip';
import { DECISION_NOTE_MAX, DECISIONS, type Decision } from '@hy/schemas/tip-rules';
import styles from '../../../styles/police.module.css';

const SHORTCUTS: Record<string, Decision> = { v: 'valid', i: 'invalid', d: 'duplicate', n: 'needs_info' };
/** Decisions that close the tip against the reporter: asked again before they are sent, shortcut or click. */
const CONFIRMED: Decision[] = ['invalid', 'duplicate'];

/** Typing in a field must never trigger a decision. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export type DuplicateChoice = { id: string; reference: string } | null;

/**
 * Valid / Invalid / Duplicate / Needs info, with V, I, D and N as keyboard shortcuts. Invalid
 * (above all a deliberate false report) and Duplicate ask for confirmation first, whichever way
 * they were chosen.
 */
export function DecisionPanel({
  tip,
  duplicateOf,
  onDecided,
}: {
  tip: PoliceTip;
  duplicateOf: DuplicateChoice;
  onDecided: (decision: Decision) => void;
}) {
  const { t } = useTranslation('police');
  const errorMessage = useErrorMessage();
  const decide = useDecideTip(tip.id);
  const [priority, setPriority] = useState<Priority>(tip.priority);
  const [note, setNote] = useState('');
  const [isShared, setIsShared] = useState(false);
  const [isDeliberate, setIsDeliberate] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [toConfirm, setToConfirm] = useState<Decision | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const send = (decision: Decision) => {
    setToConfirm(null);
    decide.mutate(
      {
        decision,
        ...(decision === 'valid' || decision === 'needs_info' ? { priority } : {}),
        ...(note.trim() ? { note: note.trim(), isNoteForReporter: isShared } : {}),
        ...(decision === 'duplicate' && duplicateOf ? { duplicateOf: duplicateOf.id } : {}),
        ...(decision === 'invalid' && isDeliberate ? { isDeliberateFalse: true } : {}),
      },
      { onSuccess: () => onDecided(decision) },
    );
  };

  const submit = (decision: Decision) => {
    if (decide.isPending || toConfirm) return;
    setProblem(null);
    if (decision === 'needs_info' && !note.trim()) {
      setProblem(t('decide.needsNote'));
      noteRef.current?.focus();
      return;
    }
    if (decision === 'duplicate' && !duplicateOf) {
      setProblem(t('decide.needsOriginal'));
      return;
    }
    if (CONFIRMED.includes(decision)) setToConfirm(decision);
    else send(decision);
  };

  // The latest submit without re-binding the key listener on every keystroke in the note.
  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const decision = SHORTCUTS[event.key.toLowerCase()];
      if (!decision) return;
      event.preventDefault();
      submitRef.current(decision);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className={styles.panel} aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decide.title')}</h2>
      <div className="form">
        <Field id="decision-priority" label={t('decide.priority')}>
          {(control) => (
            <select {...control} className="select" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              {priorities.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="decision-note" label={t('decide.note')} hint={t('decide.noteHint')}>
          {(control) => (
            <textarea {...control} ref={noteRef} className="textarea" rows={3} maxLength={DECISION_NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <div className="checkbox-field">
          <input id="decision-share" type="checkbox" checked={isShared} onChange={(e) => setIsShared(e.target.checked)} />
          <label htmlFor="decision-share">{t('decide.share')}</label>
        </div>
        <div className="checkbox-field">
          <input id="decision-deliberate" type="checkbox" checked={isDeliberate} onChange={(e) => setIsDeliberate(e.target.checked)} />
          <label htmlFor="decision-deliberate">{t('decide.deliberate')}</label>
        </div>
        {duplicateOf ? (
          <p>
            {t('decide.duplicateOf')}: <strong>{duplicateOf.reference}</strong>
          </p>
        ) : null}
      </div>
      {problem ? <Alert tone="warning">{problem}</Alert> : null}
      {decide.isError ? <Alert tone="error">{errorMessage(decide.error)}</Alert> : null}
      <div className={styles.decisions}>
        {DECISIONS.map((decision) => (
          <button
            key={decision}
            type="button"
            className={`btn ${decision === 'valid' ? 'btn-primary' : 'btn-secondary'}`}
            onClick={() => submit(decision)}
            disabled={decide.isPending}
            aria-keyshortcuts={Object.keys(SHORTCUTS).find((k) => SHORTCUTS[k] === decision)}
          >
            {t(`decide.${decision}`)} <kbd aria-hidden="true">{Object.keys(SHORTCUTS).find((k) => SHORTCUTS[k] === decision)?.toUpperCase()}</kbd>
          </button>
        ))}
      </div>
      <p className={styles.hint}>{t('decide.shortcuts')}</p>
      <ConfirmDialog
        isOpen={toConfirm !== null}
        title={
          toConfirm === 'duplicate'
            ? t('confirm.duplicateTitle', { reference: tip.reference, original: duplicateOf?.reference ?? '' })
            : isDeliberate
              ? t('confirm.falseReportTitle', { reference: tip.reference })
              : t('confirm.invalidTitle', { reference: tip.reference })
        }
        confirmLabel={toConfirm === 'duplicate' ? t('confirm.duplicateConfirm') : isDeliberate ? t('confirm.falseReportConfirm') : t('confirm.invalidConfirm')}
        cancelLabel={t('confirm.cancel')}
        tone={toConfirm === 'invalid' && isDeliberate ? 'danger' : 'normal'}
        onConfirm={() => toConfirm && send(toConfirm)}
        onCancel={() => setToConfirm(null)}
      >
        <p>
          {toConfirm === 'duplicate' ? t('confirm.duplicateBody') : isDeliberate ? t('confirm.falseReportBody') : t('confirm.invalidBody')}
        </p>
        <p className={styles.hint}>{t('confirm.undoHint')}</p>
      </ConfirmDialog>
    </section>
  );
}
