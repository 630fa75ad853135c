import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { ListStatus } from '../../components/ui/query-fallback';
import { useMe } from '../../shared/api/get-me';
import { useCategories } from '../../shared/api/get-categories';
import { useDistricts } from '../../shared/api/get-districts';
import { CategorySelect } from '../../shared/components/category-select';
import { DistrictSelect } from '../../shared/components/district-select';
import { useUnread } from '../../features/messages/api/get-unread';
import { tipStatuses, type TipStatus } from '../../shared/types/tip';
import { useClaimNext } from '../../features/triage/api/claim-next';
import { useExportTips } from '../../features/triage/api/export-tips';
import { VerificationStateBadge } from '../../features/verifications/components/verification-state-badge';
import '../../features/verifications/verifications-i18n';
import { useQueue, type QueueFilters } from '../../features/triage/api/get-queue';
import { priorities, type Priority } from '../../shared/types/tip';
import { currentLanguage } from '../../lib/i18n';
import { formatDateTime, formatNumber, localizedName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useErrorMessage } from '../../lib/use-error-message';
import { PriorityBadge, StatusBadge } from '../../shared/components/police-badges';
import styles from '../../styles/police.module.css';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string | null): value is string => value !== null && ISO_DAY.test(value) && !Number.isNaN(Date.parse(value));
const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T => value !== null && (values as readonly string[]).includes(value);

/** The filters live in the address, so a refresh or a shared link shows the same queue; unknown values are dropped. */
function filtersFrom(params: URLSearchParams): QueueFilters {
  const status = params.get('status');
  const priority = params.get('priority');
  const claim = params.get('claim');
  const verification = params.get('verification');
  const from = params.get('from');
  const to = params.get('to');
  const q = params.get('q')?.trim() ?? '';
  const districtId = Number(params.get('districtId'));
  return {
    status: isOneOf(tipStatuses, status) ? status : 'submitted',
    ...(params.get('category') ? { category: params.get('category')! } : {}),
    ...(isOneOf(priorities, priority) ? { priority } : {}),
    ...(isOneOf(['mine', 'unclaimed'] as const, claim) ? { claim } : {}),
    ...(isOneOf(verificationStates, verification) ? { verification } : {}),
    ...(q.length >= 2 ? { q } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
    ...(Number.isInteger(districtId) && districtId > 0 ? { districtId } : {}),
  };
}

function paramsFrom(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || (key === 'status' && value === 'submitted')) continue;
    params.set(key, String(value));
  }
  return params;
}

const verificationStates = ['pending', 'overdue', 'reported'] as const;

export default function QueuePage() {
  const { t } = useTranslation('police');
  const { t: tv } = useTranslation('verifications');
  const language = currentLanguage();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const isAdmin = me.data?.role === 'admin';
  const categories = useCategories();
  const districts = useDistricts();
  const [params, setParams] = useSearchParams();
  const urlFilters = filtersFrom(params);
  // Only admins may choose a district; a police officer's link with one falls back to their own.
  const filters: QueueFilters = isAdmin ? urlFilters : { ...urlFilters, districtId: undefined };
  const [search, setSearch] = useState(filters.q ?? '');
  // A range that ends before it starts would be refused by the API: say so here instead.
  const isRangeBackwards = Boolean(filters.from && filters.to && filters.from > filters.to);
  const queue = useQueue(isRangeBackwards ? { ...filters, to: undefined } : filters);
  // Tipsters' replies the desk has not read yet (an answer to "Needs info" must not go unnoticed).
  const unread = useUnread();
  const unreadByTip = new Map(unread.data?.tips.map((u) => [u.tipId, u.unread]));
  const claimNext = useClaimNext();
  // Exports are for supervisors (their district) and admins; the claim filter is the desk's own view and is not sent.
  const exporting = useExportTips();
  const canExport = me.data?.role === 'supervisor' || isAdmin;
  const [isEmpty, setIsEmpty] = useState(false);
  // Set by the tip page after a transfer: the tip has left this queue.
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
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
  const districtName = (id: number) => {
    const found = districts.data?.find((d) => d.id === id);
    return found ? localizedName(found, language) : String(id);
  };
  const update = (patch: Partial<QueueFilters>) => setParams(paramsFrom({ ...urlFilters, ...patch }), { replace: true });

  const claim = () => {
    setIsEmpty(false);
    claimNext.mutate(filters.districtId, {
      onSuccess: (tip) => (tip ? navigate(`/police/tips/${tip.id}`) : setIsEmpty(true)),
    });
  };

  return (
    <>
      <div className={styles.toolbar}>
        <h1>{t('queue.title')}</h1>
        {canExport ? (
          <button
            type="button"
            className={`btn btn-secondary ${styles.toolbarEnd}`}
            onClick={() => exporting.mutate(isRangeBackwards ? { ...filters, to: undefined } : filters)}
            disabled={exporting.isPending}
          >
            {exporting.isPending ? t('queue.exporting') : t('queue.exportCsv')}
          </button>
        ) : null}
        <button type="button" className={`btn btn-primary ${canExport ? '' : styles.toolbarEnd}`} onClick={claim} disabled={claimNext.isPending}>
          {t('queue.claimNext')}
        </button>
      </div>
      {typeof notice === 'string' ? <Alert tone="success">{notice}</Alert> : null}
      {isEmpty ? <Alert tone="info">{t('queue.nothingToClaim')}</Alert> : null}
      {claimNext.isError ? <Alert tone="error">{errorMessage(claimNext.error)}</Alert> : null}
      {exporting.isError ? <Alert tone="error">{errorMessage(exporting.error)}</Alert> : null}

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
          {(control) => <CategorySelect {...control} value={filters.category ?? ''} onChange={(v) => update({ category: v || undefined })} emptyLabel={t('queue.any')} />}
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
        <Field id="queue-verification" label={tv('police.queueFilter')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={filters.verification ?? ''}
              onChange={(e) => update({ verification: (e.target.value || undefined) as QueueFilters['verification'] })}
            >
              <option value="">{tv('police.queueAny')}</option>
              {verificationStates.map((s) => (
                <option key={s} value={s}>
                  {tv(`state.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="queue-from" label={t('queue.from')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={filters.from ?? ''}
              max={filters.to}
              onChange={(e) => update({ from: isDay(e.target.value) ? e.target.value : undefined })}
            />
          )}
        </Field>
        <Field id="queue-to" label={t('queue.to')} error={isRangeBackwards ? t('queue.rangeBackwards') : null}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={filters.to ?? ''}
              min={filters.from}
              onChange={(e) => update({ to: isDay(e.target.value) ? e.target.value : undefined })}
            />
          )}
        </Field>
        {isAdmin ? (
          <Field id="queue-district" label={t('queue.district')}>
            {(control) => (
              <DistrictSelect
                {...control}
                value={filters.districtId === undefined ? '' : String(filters.districtId)}
                onChange={(v) => update({ districtId: v ? Number(v) : undefined })}
                emptyLabel={t('queue.allDistricts')}
              />
            )}
          </Field>
        ) : null}
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

      <ListStatus query={queue} isEmpty={rows.length === 0} empty={t('queue.empty')} />
      {rows.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('queue.reference')}</th>
                <th scope="col">{t('queue.priority')}</th>
                <th scope="col">{t('queue.category')}</th>
                {isAdmin ? <th scope="col">{t('queue.district')}</th> : null}
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
                    {row.verification ? (
                      <div>
                        <VerificationStateBadge verification={row.verification} />
                      </div>
                    ) : null}
                    {unreadByTip.get(row.id) ? (
                      <div className={styles.unread}>{t('queue.unread', { count: unreadByTip.get(row.id) })}</div>
                    ) : null}
                  </td>
                  <td data-label={t('queue.priority')}>
                    <PriorityBadge priority={row.priority} />
                  </td>
                  <td data-label={t('queue.category')}>{categoryName(row.category)}</td>
                  {isAdmin ? <td data-label={t('queue.district')}>{districtName(row.districtId)}</td> : null}
                  <td className={styles.excerpt}>
                    {row.excerpt}
                    <div className={styles.historyMeta}>
                      {[row.address, row.photoCount ? t('queue.photos', { count: row.photoCount }) : null, row.isAnonymous ? t('queue.anonymous') : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </td>
                  <td className={styles.nowrap} data-label={t('queue.received')}>
                    {formatDateTime(row.createdAt, language)}
                  </td>
                  <td data-label={t('queue.claimedBy')}>{row.claim ? (row.claim.isMine ? t('queue.you') : (row.claim.officerName ?? '—')) : '—'}</td>
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
