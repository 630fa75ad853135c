import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { useMe } from '../../shared/api/get-me';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { useMyRedemptions } from '../../features/points/api/get-my-redemptions';
import { useRewards } from '../../features/points/api/get-rewards';
import { MyRedemptions } from '../../features/points/components/my-redemptions';
import styles from '../../styles/points.module.css';
import { RewardList } from '../../features/points/components/reward-list';
import '../../features/points/points-i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { QueryFallback } from '../../components/ui/query-fallback';

export default function RewardsPage() {
  const { t } = useTranslation('points');
  useDocumentTitle(t('rewards.title'));
  return (
    <RequireAuth>
      <h1 className="page-title">{t('rewards.title')}</h1>
      <p className="page-intro">{t('rewards.intro')}</p>
      <Catalogue />
      <section className={styles.section} aria-labelledby="mine-title">
        <h2 className={styles.sectionTitle} id="mine-title">
          {t('rewards.mine')}
        </h2>
        <div className="card">
          <Redemptions />
        </div>
      </section>
    </RequireAuth>
  );
}

function Catalogue() {
  const { t } = useTranslation('points');
  const me = useMe();
  const rewards = useRewards();
  if (!rewards.data || !me.data) {
    const error = rewards.error ?? me.error;
    return error ? <QueryError error={error} onRetry={() => void Promise.all([rewards.refetch(), me.refetch()])} /> : <LoadingState />;
  }
  return (
    <>
      <p className={styles.ownRank}>{t('rewards.balance', { points: me.data.points })}</p>
      {rewards.data.length === 0 ? <p className="card">{t('rewards.empty')}</p> : <RewardList rewards={rewards.data} balance={me.data.points} />}
    </>
  );
}

function Redemptions() {
  const query = useMyRedemptions();
  if (!query.data) return <QueryFallback query={query} />;
  return <MyRedemptions redemptions={query.data} />;
}
