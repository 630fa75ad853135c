import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/ui/loading-state';
import { QueryError } from '../../../components/ui/query-error';
import { formatDate, formatNumber, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import styles from '../../../styles/points.module.css';
import { useMembers } from '../api/get-members';
import type { ManagedCommunity } from '@hy/schemas/organizer';
import css from './organizer.module.css';

/**
 * The volunteers of the organizer's communities: display name, join date, points — never a phone
 * number. `pickedId` is the dashboard's community search when there is one (null: none picked,
 * all communities); without it, an organizer of a few communities filters here.
 */
export function MembersPanel({ communities, pickedId }: { communities: ManagedCommunity[]; pickedId?: number | null }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  const [communityId, setCommunityId] = useState<number | undefined>(undefined);
  const isPickedAbove = pickedId !== undefined;
  const query = useMembers(isPickedAbove ? (pickedId ?? undefined) : communityId);
  const members = query.data?.pages.flatMap((p) => p.members) ?? [];

  return (
    <>
      <p className={styles.rowMeta}>{t('organizer.memberList.hint')}</p>
      {!isPickedAbove && communities.length > 1 ? (
        <div className={`field ${css.filter}`}>
          <label className="field-label" htmlFor="members-community">
            {t('organizer.memberList.community')}
          </label>
          <select
            id="members-community"
            className="select"
            value={communityId ?? ''}
            onChange={(e) => setCommunityId(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{t('organizer.memberList.allCommunities')}</option>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {localizedName(c, language)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {!query.data ? (
        query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <LoadingState />
        )
      ) : members.length === 0 ? (
        <p>{t('organizer.memberList.empty')}</p>
      ) : (
        <>
          <div className={css.tableWrap}>
            <table className={css.table} aria-busy={query.isPlaceholderData || undefined}>
              <caption className="visually-hidden">{t('organizer.memberList.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organizer.memberList.name')}</th>
                  <th scope="col">{t('organizer.memberList.community')}</th>
                  <th scope="col">{t('organizer.memberList.joined')}</th>
                  <th scope="col" className={css.num}>
                    {t('organizer.memberList.balance')}
                  </th>
                  <th scope="col" className={css.num}>
                    {t('organizer.memberList.earned')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((m, i) => (
                  // Members carry no id in this view (nothing to link to); join order is stable within a page list.
                  <tr key={`${m.joinedAt}-${i}`}>
                    <th scope="row" className={css.memberName}>
                      {m.displayName}
                    </th>
                    <td>{m.community ? localizedName(m.community, language) : '—'}</td>
                    <td className={css.nowrap}>
                      <time dateTime={m.joinedAt}>{formatDate(m.joinedAt, language)}</time>
                    </td>
                    <td className={css.num}>{formatNumber(m.balance, language)}</td>
                    <td className={css.num}>{formatNumber(m.pointsEarned, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={css.more}>
            <p className={styles.rowMeta} role="status">
              {t('organizer.memberList.shown', { count: members.length })}
            </p>
            {query.hasNextPage ? (
              <button type="button" className="btn btn-secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                {query.isFetchingNextPage ? t('organizer.memberList.loadingMore') : t('organizer.memberList.loadMore')}
              </button>
            ) : null}
          </div>
          {query.isFetchNextPageError ? <QueryError error={query.error} onRetry={() => void query.fetchNextPage()} /> : null}
        </>
      )}
    </>
  );
}
