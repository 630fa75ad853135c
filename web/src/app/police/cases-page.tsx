import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { ListStatus } from '../../components/ui/query-fallback';
import { useMe } from '../../shared/api/get-me';
import { useCreateCase } from '../../features/cases/api/create-case';
import { useCases } from '../../features/cases/api/get-cases';
import { caseStatuses, type CaseStatus } from '../../shared/types/case';
import { DistrictSelect } from '../../shared/components/district-select';
import { CaseStatusBadge } from '../../shared/components/police-badges';
import { currentLanguage } from '../../lib/i18n';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useErrorMessage } from '../../lib/use-error-message';
import styles from '../../styles/police.module.css';
import { CASE_TEXT } from '@hy/schemas/case-rules';

function NewCaseForm() {
  const { t } = useTranslation('police');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const create = useCreateCase();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  // Police open cases in their own district; an admin says which district the case belongs to.
  const isAdmin = useMe().data?.role === 'admin';
  const [districtId, setDistrictId] = useState('');
  const isReady = title.trim().length >= 2 && (!isAdmin || districtId !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isReady) return;
    create.mutate(
      {
        title: title.trim(),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        ...(isAdmin ? { districtId: Number(districtId) } : {}),
      },
      { onSuccess: (c) => navigate(`/police/cases/${c.id}`) },
    );
  };
  return (
    <form className={`${styles.panel} form`} onSubmit={submit} aria-labelledby="new-case">
      <h2 id="new-case">{t('cases.new')}</h2>
      <Field id="new-case-title" label={t('cases.caseTitle')} isRequired>
        {(control) => <input {...control} className="input" value={title} maxLength={CASE_TEXT.titleMax} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field id="new-case-summary" label={t('cases.summary')}>
        {(control) => <textarea {...control} className="textarea" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      {isAdmin ? (
        <Field id="new-case-district" label={t('queue.district')} isRequired>
          {(control) => <DistrictSelect {...control} value={districtId} onChange={setDistrictId} />}
        </Field>
      ) : null}
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <button type="submit" className="btn btn-primary" disabled={create.isPending || !isReady}>
        {t('cases.create')}
      </button>
    </form>
  );
}

export default function CasesPage() {
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined);
  const cases = useCases(status);
  useDocumentTitle(t('cases.title'));
  const rows = cases.data?.pages.flatMap((p) => p.cases) ?? [];
  return (
    <>
      <div className={styles.toolbar}>
        <h1>{t('cases.title')}</h1>
      </div>
      <div className={styles.detail}>
        <div>
          <ul className={styles.tabs} aria-label={t('cases.status')}>
            {[undefined, ...caseStatuses].map((s) => (
              <li key={s ?? 'all'}>
                <button type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
                  {s ? t(`caseStatus.${s}`) : t('cases.all')}
                </button>
              </li>
            ))}
          </ul>
          <ListStatus query={cases} isEmpty={rows.length === 0} empty={t('cases.empty')} />
          {rows.length > 0 ? (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('queue.reference')}</th>
                    <th scope="col">{t('cases.caseTitle')}</th>
                    <th scope="col">{t('cases.status')}</th>
                    <th scope="col">{t('cases.lead')}</th>
                    <th scope="col">{t('cases.linkedTips')}</th>
                    <th scope="col">{t('cases.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td className={styles.nowrap}>
                        <Link to={`/police/cases/${c.id}`}>{c.reference}</Link>
                      </td>
                      <td>{c.title}</td>
                      <td data-label={t('cases.status')}>
                        <CaseStatusBadge status={c.status} />
                      </td>
                      <td data-label={t('cases.lead')}>{c.leadOfficer?.displayName ?? t('cases.noLead')}</td>
                      <td data-label={t('cases.linkedTips')}>{c.tipCount}</td>
                      <td className={styles.nowrap} data-label={t('cases.updated')}>
                        {formatDateTime(c.updatedAt, language)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {cases.hasNextPage ? (
            <div className={styles.more}>
              <button type="button" className="btn btn-secondary" onClick={() => void cases.fetchNextPage()} disabled={cases.isFetchingNextPage}>
                {t('queue.more')}
              </button>
            </div>
          ) : null}
        </div>
        <NewCaseForm />
      </div>
    </>
  );
}
