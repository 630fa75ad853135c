import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Field } from '../../components/ui/field';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { useMe } from '../../shared/api/get-me';
import { useAddCaseNote } from '../../features/cases/api/add-note';
import { useCase } from '../../features/cases/api/get-case';
import { CASE_MOVES, CASE_TEXT } from '@hy/schemas/case-rules';
import { useChangeCase } from '../../features/cases/api/update-case';
import { CaseStatusBadge, PriorityBadge, StatusBadge } from '../../shared/components/police-badges';
import { currentLanguage } from '../../lib/i18n';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useErrorMessage } from '../../lib/use-error-message';
import styles from '../../styles/police.module.css';

export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const kase = useCase(caseId);
  const change = useChangeCase(caseId);
  const addNote = useAddCaseNote(caseId);
  const [note, setNote] = useState('');
  // Solving pays every linked reporter a bonus: asked once more before it is sent.
  const [isConfirmingSolve, setConfirmingSolve] = useState(false);
  useDocumentTitle(kase.data?.reference ?? null);

  if (kase.isError) return <QueryError error={kase.error} onRetry={() => void kase.refetch()} />;
  if (!kase.data) return <LoadingState />;
  const c = kase.data;
  const isWorkable = c.status === 'open' || c.status === 'investigating';
  // One mutation serves both panels: show its error next to the control that failed.
  const isTipChangeError = change.isError && change.variables.kind !== 'update';
  const isCaseChangeError = change.isError && change.variables.kind === 'update';

  const submitNote = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return;
    addNote.mutate(note.trim(), { onSuccess: () => setNote('') });
  };

  return (
    <>
      <p>
        <Link to="/police/cases">{t('cases.back')}</Link>
      </p>
      <div className={styles.toolbar}>
        <h1>
          {c.reference} · {c.title}
        </h1>
        <CaseStatusBadge status={c.status} />
      </div>
      <div className={styles.detail}>
        <div>
          <section className={styles.panel} aria-labelledby="case-tips">
            <h2 id="case-tips">{t('cases.linkedTips')}</h2>
            {isTipChangeError ? <Alert tone="error">{errorMessage(change.error)}</Alert> : null}
            {c.tips.length === 0 ? <p>{t('cases.noTips')}</p> : null}
            <ul className={styles.suggestions}>
              {c.tips.map((tip) => (
                <li key={tip.id}>
                  <div className={styles.row}>
                    <Link to={`/police/tips/${tip.id}`}>{tip.reference}</Link>
                    <StatusBadge status={tip.status} />
                    <PriorityBadge priority={tip.priority} />
                    {isWorkable ? (
                      <button
                        type="button"
                        className="btn btn-quiet"
                        onClick={() => change.mutate({ kind: 'unlink', tipId: tip.id })}
                        disabled={change.isPending}
                      >
                        {t('cases.unlink')}
                      </button>
                    ) : null}
                  </div>
                  <p>{tip.excerpt}</p>
                </li>
              ))}
            </ul>
          </section>
          <section className={styles.panel} aria-labelledby="case-notes">
            <h2 id="case-notes">{t('cases.notes')}</h2>
            <ol className={styles.history}>
              {c.notes.map((n) => (
                <li key={n.id}>
                  <span className={styles.historyMeta}>
                    {n.author?.displayName ?? '—'} · {formatDateTime(n.createdAt, language)}
                  </span>
                  <p className={styles.description}>{n.body}</p>
                </li>
              ))}
            </ol>
            <form className="form" onSubmit={submitNote}>
              <Field id="case-note" label={t('cases.noteLabel')}>
                {(control) => <textarea {...control} className="textarea" rows={3} maxLength={CASE_TEXT.noteMax} value={note} onChange={(e) => setNote(e.target.value)} />}
              </Field>
              {addNote.isError ? <Alert tone="error">{errorMessage(addNote.error)}</Alert> : null}
              <button type="submit" className="btn btn-secondary" disabled={addNote.isPending || !note.trim()}>
                {t('cases.addNote')}
              </button>
            </form>
          </section>
        </div>
        <section className={styles.panel} aria-labelledby="case-facts">
          <h2 id="case-facts">{t('cases.status')}</h2>
          <dl className={styles.meta}>
            <dt>{t('cases.lead')}</dt>
            <dd>{c.leadOfficer?.displayName ?? t('cases.noLead')}</dd>
            <dt>{t('cases.updated')}</dt>
            <dd>{formatDateTime(c.updatedAt, language)}</dd>
          </dl>
          {c.summary ? <p className={styles.description}>{c.summary}</p> : null}
          {isCaseChangeError ? <Alert tone="error">{errorMessage(change.error)}</Alert> : null}
          <div className={styles.decisions}>
            {/* Exactly the moves the API allows (one table, @hy/schemas/case-rules). */}
            {CASE_MOVES[c.status].map((next) => (
              <button
                key={next}
                type="button"
                className={`btn ${next === 'solved' ? 'btn-primary' : 'btn-secondary'}`}
                onClick={() => (next === 'solved' ? setConfirmingSolve(true) : change.mutate({ kind: 'update', patch: { status: next } }))}
                disabled={change.isPending}
              >
                {next === 'open' && c.status !== 'investigating' ? t('cases.reopen') : t('cases.moveTo', { status: t(`caseStatus.${next}`) })}
              </button>
            ))}
            {me.data && c.leadOfficer?.id !== me.data.id ? (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => change.mutate({ kind: 'update', patch: { leadOfficerId: me.data!.id } })}
                disabled={change.isPending}
              >
                {t('cases.takeLead')}
              </button>
            ) : null}
          </div>
          <ConfirmDialog
            isOpen={isConfirmingSolve}
            title={t('cases.confirmSolveTitle', { reference: c.reference })}
            confirmLabel={t('cases.confirmSolve')}
            cancelLabel={t('confirm.cancel')}
            isBusy={change.isPending}
            onConfirm={() => {
              setConfirmingSolve(false);
              change.mutate({ kind: 'update', patch: { status: 'solved' } });
            }}
            onCancel={() => setConfirmingSolve(false)}
          >
            <p>{t('cases.confirmSolveBody', { count: c.tips.filter((tip) => tip.status === 'valid' && !tip.isAnonymous).length })}</p>
          </ConfirmDialog>
        </section>
      </div>
    </>
  );
}
