import './police-i18n';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { Alert } from '../../components/ui/alert';
import { useMe } from '../../shared/api/get-me';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { signInPath } from '../../features/auth/next-path';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { BrandMark } from '../../layouts/nav-icons';
import { DeskAreas } from '../../layouts/desk-areas';
import { CHANGE_PASSWORD_PATH, TWO_FACTOR_PATH } from '../../shared/desks';
import styles from '../../styles/police.module.css';

const POLICE_ROLES = ['officer', 'supervisor', 'admin'];

function PoliceArea() {
  const { t } = useTranslation('police');
  const me = useMe();
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoadingState />;
  if (!POLICE_ROLES.includes(me.data.role)) return <Alert tone="warning">{t('notPolice')}</Alert>;
  return <Outlet />;
}

/** Desk layout for police: a top bar with Queue and Cases, content up to 1440 px wide. */
export default function PoliceLayout() {
  const { t } = useTranslation('police');
  const { t: tc } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const isQueueArea = pathname === '/police' || pathname.startsWith('/police/tips/');
  return (
    <RequireAuth>
      <a className="skip-link" href="#main">
        {tc('skipToContent')}
      </a>
      <header className={`app-header ${styles.header}`}>
        <div className={styles.headerInner}>
          <Link to="/police" className="brand">
            <BrandMark />
            <span>
              {tc('appName')} · {t('area')}
            </span>
          </Link>
          <nav aria-label={t('area')} className={styles.nav}>
            {/* Tips are opened from the queue, so Queue stays current on a tip's page. */}
            <Link to="/police" aria-current={isQueueArea ? 'page' : undefined}>
              {t('nav.queue')}
            </Link>
            <NavLink to="/police/cases">{t('nav.cases')}</NavLink>
            <NavLink to="/police/map">{t('nav.map')}</NavLink>
            <NavLink to="/police/campaigns">{t('nav.campaigns')}</NavLink>
            {me.data?.role === 'supervisor' || me.data?.role === 'admin' ? <NavLink to="/police/stats">{t('nav.stats')}</NavLink> : null}
          </nav>
          <div className="header-tools">
            {me.data ? <span className={styles.who}>{me.data.displayName}</span> : null}
            <DeskAreas current="police" />
            <Link to={CHANGE_PASSWORD_PATH} className="header-link">
              {tc('nav.password')}
            </Link>
            <Link to={TWO_FACTOR_PATH} className="header-link">
              {tc('nav.twoFactor')}
            </Link>
            <LanguageSwitch />
            <SignOutButton to={signInPath('/police')} />
          </div>
        </div>
      </header>
      <main id="main" className={styles.main}>
        <PoliceArea />
      </main>
    </RequireAuth>
  );
}
