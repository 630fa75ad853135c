import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAssignTip } from '../api/assign-tip';
import type { Officer } from '../api/get-officers';
import type { PoliceTip } from '../../../shared/types/tip';
import styles from '../../../styles/police.module.css';

/** Supervisors and admins hand an open tip to an officer of its district. */
export function AssignPanel({ tip, officers, holderId }: { tip: PoliceTip; officers: Officer[]; holderId: string | null }) {
  const { t } = useTranslation('police');
  const errorMessage = useErrorMessage();
  const assign = useAssignTip(tip.id);
  const [officerId, setOfficerId] = useState('');
  const [assignedTo, setAssignedTo] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!officerId) return;
    setAssignedTo(null);
    const name = officers.find((o) => o.id === officerId)?.displayName ?? '';
    assign.mutate(officerId, {
      onSuccess: () => {
        setAssignedTo(name);
        setOfficerId('');
      },
    });
  };

  return (
    <section className={styles.panel} aria-labelledby="tip-assign">
      <h2 id="tip-assign">{t('assign.title')}</h2>
      <form className="form" onSubmit={submit}>
        <Field id="assign-officer" label={t('assign.officer')}>
          {(control) => (
            <select {...control} className="select" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
              <option value="">{t('assign.choose')}</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.displayName}
                  {o.role === 'supervisor' ? ` (${t('assign.supervisor')})` : ''}
                  {o.id === holderId ? ` — ${t('assign.holder')}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {assign.isError ? <Alert tone="error">{errorMessage(assign.error)}</Alert> : null}
        {assignedTo ? <Alert tone="success">{t('assign.done', { name: assignedTo })}</Alert> : null}
        <button type="submit" className="btn btn-secondary" disabled={assign.isPending || !officerId}>
          {t('assign.submit')}
        </button>
      </form>
    </section>
  );
}
