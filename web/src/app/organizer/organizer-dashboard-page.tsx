import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { meQuery, useMe } from '../../shared/api/get-me';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { activityQuery, useActivity } from '../../features/organizer/api/get-activity';
import { managedCommunitiesQuery, useManagedCommunities } from '../../features/organizer/api/get-managed-communities';
import { managedRewardsQuery, useManagedRewards } from '../../features/organizer/api/get-managed-rewards';
import { membersQuery } from '../../features/organizer/api/get-members';
import { redemptionQueueQuery, useRedemptionQueue } from '../../features/organizer/api/get-redemption-queue';
import type { ActivityPeriod } from '@hy/schemas/organizer';
import { ActivityChart, CHART_HEIGHT } from '../../features/organizer/components/activity-chart';
import { MembersPanel } from '../../features/organizer/components/members-panel';
import { RedemptionQueue } from '../../features/organizer/components/redemption-queue';
import { RewardCatalogue } from '../../features/organizer/components/reward-catalogue';
import { communityBoardQuery, useCommunityBoard } from '../../features/points/api/get-leaderboards';
import type { Period } from '@hy/schemas/leaderboards';
import { PERIODS } from '@hy/schemas/points-rules';
import { CommunityBoardList } from '../../features/points/components/leaderboard-lists';
import styles from '../../styles/points.module.css';
import { Segmented } from '../../features/points/components/segmented';
import { localizedName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useLanguage } from '../../lib/use-language';
import type { Community } from '../../shared/types/reference';
import { CommunityPicker } from './community-picker';
import css from './organizer-dashboard.module.css';
import { QueryFallback } from '../../components/ui/query-fallback';
import { queryClient } from '../../lib/query-client';
import { getSessionState } from '../../lib/session';
import { useStaged } from '../../lib/use-staged';

/** The periods the activity chart and the community board open on. */
const FIRST_ACTIVITY_PERIOD: ActivityPeriod = 'week';
const FIRST_BOARD_PERIOD: Period = 'month';

/**
 * The room (px) of each panel's content before it is shown (`useStaged`) and while it loads: its
 * usual height on a phone, so what arrives pushes nothing down (layout shift).
 */
const CATALOGUE_RESERVE = 420;
const ACTIVITY_RESERVE = 410;
const BOARD_RESERVE = 200;
const MEMBERS_RESERVE = 240;

/**
 * What the dashboard's first render asks for (app/lazy-page.ts), once the user is known: the
 * communities, the redemption queue, the rewards, the week's activity, the month's board and the
 * first page of members (all communities: what the member list opens on).
 */
export async function prefetch() {
  if (!getSessionState().isSignedIn) return;
  const me = await queryClient.fetchQuery(meQuery()).catch(() => null);
  if (!me || (me.role !== 'organizer' && me.role !== 'admin')) return;
  await Promise.all([
    queryClient.prefetchQuery(managedCommunitiesQuery()),
    queryClient.prefetchQuery(redemptionQueueQuery()),
    queryClient.prefetchQuery(managedRewardsQuery()),
    queryClient.prefetchQuery(activityQuery(FIRST_ACTIVITY_PERIOD)),
    queryClient.prefetchQuery(communityBoardQuery(FIRST_BOARD_PERIOD, me.districtId ?? undefined, false)),
    queryClient.prefetchInfiniteQuery(membersQuery(undefined)),
  ]);
}

/**
 * The dashboard's panels arrive one by one (six requests). Each keeps the room of its usual content
 * while it loads (`reserve`, in px, the height of an ordinary panel on a phone), so a panel that
 * arrives never pushes the others down (layout shift); the one that sits on top, the community's
 * card, has a placeholder of exactly its size.
 */
function PanelFallback({ query, reserve }: { query: { isError: boolean; error: unknown; refetch: () => unknown }; reserve: number }) {
  return (
    <div style={{ minHeight: reserve }}>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : <LoadingState isCompact />}
    </div>
  );
}

export default function OrganizerDashboardPage() {
  const { t } = useTranslation('points');
  useDocumentTitle(t('organizer.title'));
  return (
    <RequireAuth>
      <Dashboard />
    </RequireAuth>
  );
}

function Dashboard() {
  const { t } = useTranslation('points');
  const me = useMe();
  if (!me.data) return <QueryFallback query={me} />;
  if (me.data.role !== 'organizer' && me.data.role !== 'admin') {
    return (
      <>
        <h1 className="page-title">{t('organizer.title')}</h1>
        <p className="card">{t('organizer.notOrganizer')}</p>
      </>
    );
  }
  return <DashboardOf me={me.data} />;
}

/** An admin (city) or district organizer (district) organises many communities and picks one by search. */
function DashboardOf({ me }: { me: { role: string; districtId: number | null; communityId: number | null } }) {
  const { t } = useTranslation('points');
  const canPick = me.role === 'admin' || me.communityId === null;
  const [picked, setPicked] = useState<Community | null>(null);
  const pickedId = canPick ? (picked?.id ?? null) : undefined;
  // The queue shows at once; the catalogue, the chart, the board and the members (below the first
  // screen on a phone) follow one per task, each in the room its loading state keeps.
  const shown = useStaged(4);
  return (
    <>
      <h1 className="page-title">{t('organizer.title')}</h1>
      {canPick ? <CommunityPicker districtId={me.role === 'admin' ? null : me.districtId} value={picked} onChange={setPicked} /> : null}
      {canPick && !picked ? null : <Communities communityId={picked?.id} />}
      <div className={css.grid}>
        <section className="card" aria-labelledby="queue-title">
          <h2 className={styles.sectionTitle} id="queue-title">
            {t('organizer.queue')}
          </h2>
          <Queue />
        </section>
        <section className={`card ${css.wide}`} aria-labelledby="catalogue-title">
          <h2 className={styles.sectionTitle} id="catalogue-title">
            {t('organizer.catalogueTitle')}
          </h2>
          {shown >= 1 ? <CatalogueSection communityId={picked?.id} /> : <div style={{ minHeight: CATALOGUE_RESERVE }} />}
        </section>
        <section className="card" aria-labelledby="activity-title">
          <h2 className={styles.sectionTitle} id="activity-title">
            {t('organizer.activity')}
          </h2>
          {shown >= 2 ? <ActivitySection communityId={picked?.id} /> : <div style={{ minHeight: ACTIVITY_RESERVE }} />}
        </section>
        <section className="card" aria-labelledby="board-title">
          <h2 className={styles.sectionTitle} id="board-title">
            {t('organizer.leaderboard')}
          </h2>
          {shown >= 3 ? <BoardSection districtId={me.districtId ?? undefined} /> : <div style={{ minHeight: BOARD_RESERVE }} />}
        </section>
        <section className={`card ${css.wide}`} aria-labelledby="members-title">
          <h2 className={styles.sectionTitle} id="members-title">
            {t('organizer.memberList.title')}
          </h2>
          {shown >= 4 ? <MembersSection pickedId={pickedId} /> : <div style={{ minHeight: MEMBERS_RESERVE }} />}
        </section>
      </div>
    </>
  );
}

/** The picked community, else the first few the caller organises, with members and points. */
function Communities({ communityId }: { communityId?: number }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  const query = useManagedCommunities(communityId);
  if (!query.data && !query.isError) {
    // One card (an organizer of one community, or the picked one), blank until its figures arrive.
    return (
      <div className={css.communities} aria-hidden="true">
        <div className={`card ${css.stat}`}>
          <p className={styles.rowTitle}>&nbsp;</p>
          <p className={styles.rowMeta}>&nbsp;</p>
          <p className={css.statValue}>&nbsp;</p>
          <p className={styles.rowMeta}>&nbsp;</p>
        </div>
      </div>
    );
  }
  if (!query.data) return <QueryFallback query={query} />;
  return (
    <section aria-labelledby="communities-title" className={css.communities}>
      <h2 className="visually-hidden" id="communities-title">
        {t('organizer.myCommunities')}
      </h2>
      {query.data.slice(0, 6).map((c) => (
        <div key={c.id} className={`card ${css.stat}`}>
          <p className={styles.rowTitle}>{localizedName(c, language)}</p>
          <p className={styles.rowMeta}>{t('organizer.members', { count: c.memberCount })}</p>
          <p className={css.statValue}>{t('organizer.pointsWeek', { points: c.points.week })}</p>
          <p className={styles.rowMeta}>{t('organizer.pointsMonth', { points: c.points.month })}</p>
        </div>
      ))}
    </section>
  );
}

function Queue() {
  const query = useRedemptionQueue();
  if (!query.data) return <PanelFallback query={query} reserve={37} />;
  return <RedemptionQueue redemptions={query.data} />;
}

function CatalogueSection({ communityId }: { communityId?: number }) {
  const communities = useManagedCommunities(communityId);
  const rewards = useManagedRewards();
  const failed = communities.isError ? communities : rewards.isError ? rewards : null;
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!communities.data || !rewards.data) {
    return (
      <div style={{ minHeight: CATALOGUE_RESERVE }}>
        <LoadingState isCompact />
      </div>
    );
  }
  return <RewardCatalogue rewards={rewards.data} communities={communities.data} />;
}

function MembersSection({ pickedId }: { pickedId: number | null | undefined }) {
  const communities = useManagedCommunities();
  if (!communities.data) return <PanelFallback query={communities} reserve={MEMBERS_RESERVE} />;
  return <MembersPanel communities={communities.data} pickedId={pickedId} />;
}

function ActivitySection({ communityId }: { communityId?: number }) {
  const { t } = useTranslation('points');
  const [period, setPeriod] = useState<ActivityPeriod>(FIRST_ACTIVITY_PERIOD);
  const query = useActivity(period, communityId);
  return (
    <>
      <p className={styles.rowMeta}>{t('organizer.activityHint')}</p>
      <Segmented
        legend={t('leaderboard.period')}
        value={period}
        onChange={setPeriod}
        options={[
          { value: 'week', label: t('organizer.weekly') },
          { value: 'month', label: t('organizer.monthly') },
        ]}
      />
      {query.data ? <ActivityChart activity={query.data} /> : <PanelFallback query={query} reserve={CHART_HEIGHT} />}
    </>
  );
}

function BoardSection({ districtId }: { districtId: number | undefined }) {
  const { t } = useTranslation('points');
  const [period, setPeriod] = useState<Period>(FIRST_BOARD_PERIOD);
  const [perCapita, setPerCapita] = useState(false);
  const query = useCommunityBoard(period, districtId, perCapita);
  return (
    <>
      <Segmented
        legend={t('leaderboard.period')}
        value={period}
        onChange={setPeriod}
        options={PERIODS.map((p) => ({ value: p, label: t(`leaderboard.periods.${p}`) }))}
      />
      <div className="checkbox-field">
        <input id="org-per-capita" type="checkbox" checked={perCapita} onChange={(e) => setPerCapita(e.target.checked)} />
        <label htmlFor="org-per-capita">{t('leaderboard.perCapita')}</label>
      </div>
      {query.data ? <CommunityBoardList board={query.data} /> : <PanelFallback query={query} reserve={360} />}
    </>
  );
}
