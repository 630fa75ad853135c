import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './accounts.module.css';

type Props = {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isDanger?: boolean;
  isPending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal question before a costly action (disabling an account, resetting a password); Escape cancels. */
export function ConfirmDialog({ isOpen, title, children, confirmLabel, isDanger = false, isPending = false, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('admin');
  const ref = useRef<HTMLDialogElement>(null);
  // Its own id: an account page holds several of these, and a shared id named them all after the first.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onCancel={onCancel} onClose={onCancel}>
      <h2 id={titleId}>{title}</h2>
      <div>{children}</div>
      <div className={styles.actions}>
        <button type="button" className={`btn ${isDanger ? styles.danger : 'btn-primary'}`} onClick={onConfirm} disabled={isPending}>
          {confirmLabel}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={isPending}>
          {t('confirm.cancel')}
        </button>
      </div>
    </dialog>
  );
}
