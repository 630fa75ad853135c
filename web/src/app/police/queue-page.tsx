import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { useCategories } from '../../features/reference/api/get-categories';
import { tipStatuses, type TipStatus } from '../../features/tips/api/types';
import { useClaimNext } from '../../features/triage/api/claim-next';
import { useQueue, type QueueFilters } from '../../features/triage/api/get-queue';
import { priorities, type Priority } from '../../features/triage/api/types';
import { currentLanguage } from '../../lib/i18n';
import { formatDateTime, formatNumber, localizedName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useErrorMessage } from '../../lib/use-error-message';
import { PriorityBadge, StatusBadge } from '../../features/triage/components/badges';
import styles from '../../features/triage/components/police.module.css';

export default function QueuePage() {
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const categories = useCategories();
  const [filters, setFilters] = useState<QueueFilters>({ status: 'submitted' });
  const [search, setSearch] = useState('');
  const queue = useQueue(filters);
  const claimNext = useClaimNext();
  const [isEmpty, setIsEmpty] = useState(false);
  useDocumentTitle(t('queue.title'));

  const firstPage = queue.data?.pages[0];
  const counts = firstPage?.counts;
  const capped = new Set(firstPage?.countsCapped ?? []);
  // A capped count is a lower bound: "1,000+" rather than a number that looks exact.
  const countLabel = (status: TipStatus) => {
    if (!counts) return null;
    const n = formatNumber(counts[status], language);
    return capped.has(status) ? t('queue.countAtLeast', { n }) : n;
  };
  const rows = queue.data?.pages.flatMap((p) => p.tips) ?? [];
  const categoryName = (id: string) => {
    const found = categories.data?.find((c) => c.id === id);
    return found ? localizedName(found, language) : id;
  };
  const update = (patch: Partial<QueueFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const claim = () => {
    setIsEmpty(false);
    claimNext.mutate(undefined, {
      onSuccess: (tip) => (tip ? navigate(`/police/tips/${tip.id}`) : setIsEmpty(true)),
    });
  };

  return (
    <>
      <div className={styles.toolbar}>
        <h1>{t('queue.title')}</h1>
        <button type="button" className={`btn btn-primary ${styles.toolbarEnd}`} onClick={claim} disabled={claimNext.isPending}>
          {t('queue.claimNext')}
        </button>
      </div>
      {isEmpty ? <Alert tone="info">{t('queue.nothingToClaim')}</Alert> : null}
      {claimNext.isError ? <Alert tone="error">{errorMessage(claimNext.error)}</Alert> : null}

      <ul className={styles.tabs} aria-label={t('queue.statusTabs')}>
        {tipStatuses.map((status) => (
          <li key={status}>
            <button type="button" aria-pressed={filters.status === status} onClick={() => update({ status })}>
              {t(`status.${status}`)}
              {counts ? <span className={styles.count}>{countLabel(status)}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {firstPage && !counts ? <p className={styles.countsNote}>{t('queue.countsOmitted')}</p> : null}

      <form
        className={styles.filters}
        aria-label={t('queue.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim().length >= 2 ? search.trim() : undefined });
        }}
      >
        <Field id="queue-category" label={t('queue.category')}>
          {(control) => (
            <select {...control} className="select" value={filters.category ?? ''} onChange={(e) => update({ category: e.target.value || undefined })}>
              <option value="">{t('queue.any')}</option>
              {categories.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {localizedName(c, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="queue-priority" label={t('queue.priority')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={filters.priority ?? ''}
              onChange={(e) => update({ priority: (e.target.value || undefined) as Priority | undefined })}
            >
              <option value="">{t('queue.any')}</option>
              {priorities.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="queue-claim" label={t('queue.claim')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={filters.claim ?? ''}
              onChange={(e) => update({ claim: (e.target.value || undefined) as QueueFilters['claim'] })}
            >
              <option value="">{t('queue.anyClaim')}</option>
              <option value="mine">{t('queue.mine')}</option>
              <option value="unclaimed">{t('queue.unclaimed')}</option>
            </select>
          )}
        </Field>
        <Field id="queue-search" label={t('queue.search')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onBlur={() => update({ q: search.trim().length >= 2 ? search.trim() : undefined })}
            />
          )}
        </Field>
      </form>

      {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.isPending ? <LoadingState /> : null}
      {queue.data && rows.length === 0 ? <Alert tone="info">{t('queue.empty')}</Alert> : null}
      {rows.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('queue.reference')}</th>
                <th scope="col">{t('queue.priority')}</th>
                <th scope="col">{t('queue.category')}</th>
                <th scope="col">{t('queue.summary')}</th>
                <th scope="col">{t('queue.received')}</th>
                <th scope="col">{t('queue.claimedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={styles.nowrap}>
                    <Link to={`/police/tips/${row.id}`}>{row.reference}</Link>
                    <div>
                      <StatusBadge status={row.status} />
                    </div>
                  </td>
                  <td>
                    <PriorityBadge priority={row.priority} />
                  </td>
                  <td>{categoryName(row.category)}</td>
                  <td className={styles.excerpt}>
                    {row.excerpt}
                    <div className={styles.historyMeta}>
                      {[row.address, row.photoCount ? t('queue.photos', { count: row.photoCount }) : null, row.isAnonymous ? t('queue.anonymous') : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </td>
                  <td className={styles.nowrap}>{formatDateTime(row.createdAt, language)}</td>
                  <td>{row.claim ? (row.claim.isMine ? t('queue.you') : (row.claim.officerName ?? '—')) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {queue.hasNextPage ? (
        <div className={styles.more}>
          <button type="button" className="btn btn-secondary" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
            {t('queue.more')}
          </button>
        </div>
      ) : null}
    </>
  );
}
