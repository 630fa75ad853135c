import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/ui/query-error';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { useMyPoints } from '../../features/points/api/get-my-points';
import { LedgerList } from '../../features/points/components/ledger-list';
import styles from '../../styles/points.module.css';
import '../../features/points/points-i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { QueryFallback } from '../../components/ui/query-fallback';

export default function PointsPage() {
  const { t } = useTranslation('points');
  useDocumentTitle(t('points.title'));
  return (
    <RequireAuth>
      <h1 className="page-title">{t('points.title')}</h1>
      <MyPoints />
    </RequireAuth>
  );
}

function MyPoints() {
  const { t } = useTranslation('points');
  const common = useTranslation().t;
  const query = useMyPoints();
  if (!query.data) {
    return <QueryFallback query={query} />;
  }
  const [first] = query.data.pages;
  const entries = query.data.pages.flatMap((page) => page.entries);
  return (
    <>
      <section className={`card ${styles.balanceCard}`} aria-labelledby="balance-label">
        <div>
          <p className={styles.balanceLabel} id="balance-label">
            {t('points.balanceLabel')}
          </p>
          <p className={styles.balanceValue} data-testid="points-balance">
            {t('points.balanceValue', { points: first.balance })}
          </p>
          <p className={styles.balanceMeta}>{t('points.today', { earned: first.earnedToday, cap: first.dailyCap })}</p>
        </div>
        <Link className="btn btn-secondary" to="/rewards">
          {t('points.toRewards')}
        </Link>
      </section>
      <section className={styles.section} aria-labelledby="history-title">
        <h2 className={styles.sectionTitle} id="history-title">
          {t('points.history')}
        </h2>
        <div className="card">
          {entries.length === 0 ? <p>{t('points.empty')}</p> : <LedgerList entries={entries} />}
        </div>
        {query.isFetchNextPageError ? <QueryError error={query.error} onRetry={() => void query.fetchNextPage()} /> : null}
        {query.hasNextPage ? (
          <button type="button" className="btn btn-secondary btn-block" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? common('loading') : common('actions.loadMore')}
          </button>
        ) : null}
      </section>
    </>
  );
}
