import { useEffect, useId, useRef, type ReactNode } from 'react';

type Props = {
  isOpen: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** `danger` for what cannot simply be taken back (a penalty, a closed tip). */
  tone?: 'danger' | 'normal';
  isBusy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * A modal question before an irreversible or costly action (native <dialog>: focus is trapped,
 * Escape cancels). The cancel button takes the focus, so a stray Enter or shortcut key does not
 * confirm by accident.
 */
export function ConfirmDialog({ isOpen, title, children, confirmLabel, cancelLabel, tone = 'normal', isBusy = false, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={titleId} onCancel={onCancel} onClose={() => isOpen && onCancel()}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="confirm-actions">
        <button ref={cancelRef} type="button" className="btn btn-secondary" onClick={onCancel} disabled={isBusy}>
          {cancelLabel}
        </button>
        <button type="button" className={`btn ${tone === 'danger' ? 'btn-danger' : 'btn-primary'}`} onClick={onConfirm} disabled={isBusy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
