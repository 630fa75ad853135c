import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../shared/api/get-me';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { useCommunityBoard, useVolunteerBoard, type BoardScope } from '../../features/points/api/get-leaderboards';
import type { Period } from '@hy/schemas/leaderboards';
import { PERIODS } from '@hy/schemas/points-rules';
import { CommunityBoardList, VolunteerBoardList } from '../../features/points/components/leaderboard-lists';
import { Segmented } from '../../features/points/components/segmented';
import '../../features/points/points-i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { QueryFallback } from '../../components/ui/query-fallback';

type Board = 'volunteers' | 'communities';
type Scope = 'city' | 'district' | 'community';

export default function LeaderboardPage() {
  const { t } = useTranslation('points');
  useDocumentTitle(t('leaderboard.title'));
  return (
    <RequireAuth>
      <h1 className="page-title">{t('leaderboard.title')}</h1>
      <Leaderboard />
    </RequireAuth>
  );
}

function Leaderboard() {
  const { t } = useTranslation('points');
  const me = useMe();
  const [board, setBoard] = useState<Board>('volunteers');
  const [period, setPeriod] = useState<Period>('week');
  const [scope, setScope] = useState<Scope>('city');
  const [perCapita, setPerCapita] = useState(false);

  const districtId = me.data?.districtId ?? undefined;
  const communityId = me.data?.communityId ?? undefined;
  const boardScope: BoardScope =
    scope === 'district' ? { districtId } : scope === 'community' ? { communityId } : {};
  const scopes: { value: Scope; label: string }[] = [
    { value: 'city', label: t('leaderboard.scopes.city') },
    ...(districtId !== undefined ? [{ value: 'district' as const, label: t('leaderboard.scopes.district') }] : []),
    ...(communityId !== undefined && board === 'volunteers' ? [{ value: 'community' as const, label: t('leaderboard.scopes.community') }] : []),
  ];
  const effectiveScope = scopes.some((s) => s.value === scope) ? scope : 'city';

  return (
    <>
      <Segmented
        legend={t('leaderboard.board')}
        value={board}
        onChange={setBoard}
        options={[
          { value: 'volunteers', label: t('leaderboard.boards.volunteers') },
          { value: 'communities', label: t('leaderboard.boards.communities') },
        ]}
      />
      <Segmented
        legend={t('leaderboard.period')}
        value={period}
        onChange={setPeriod}
        options={PERIODS.map((p) => ({ value: p, label: t(`leaderboard.periods.${p}`) }))}
      />
      {scopes.length > 1 ? <Segmented legend={t('leaderboard.scope')} value={effectiveScope} onChange={setScope} options={scopes} /> : null}
      {board === 'communities' ? (
        <div className="checkbox-field">
          <input id="per-capita" type="checkbox" checked={perCapita} onChange={(e) => setPerCapita(e.target.checked)} />
          <label htmlFor="per-capita">{t('leaderboard.perCapita')}</label>
        </div>
      ) : null}
      <div className="card">
        {board === 'volunteers' ? (
          <VolunteerBoardView period={period} scope={effectiveScope === 'city' ? {} : boardScope} />
        ) : (
          <CommunityBoardView period={period} districtId={effectiveScope === 'district' ? districtId : undefined} perCapita={perCapita} />
        )}
      </div>
    </>
  );
}

function VolunteerBoardView({ period, scope }: { period: Period; scope: BoardScope }) {
  const query = useVolunteerBoard(period, scope);
  if (!query.data) return <QueryFallback query={query} />;
  return <VolunteerBoardList board={query.data} />;
}

function CommunityBoardView(props: { period: Period; districtId: number | undefined; perCapita: boolean }) {
  const query = useCommunityBoard(props.period, props.districtId, props.perCapita);
  if (!query.data) return <QueryFallback query={query} />;
  return <CommunityBoardList board={query.data} />;
}
