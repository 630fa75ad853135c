import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmergencyNotice } from '../components/ui/emergency-notice';
import { LanguageSwitch } from '../components/ui/language-switch';
import { useMe } from '../shared/api/get-me';
import { useSignOut } from '../features/auth/api/logout';
import { useUnread } from '../features/messages/api/get-unread';
import { signInPath } from '../features/auth/next-path';
import { useSession } from '../lib/session';
import { CHANGE_PASSWORD_PATH, deskOf, isStaff } from '../shared/desks';
import { isPasswordChangeRequired } from '../features/auth/components/require-auth';
import { BrandMark, NavIcon } from './nav-icons';

const navItems = [
  { to: '/report', icon: 'report', labelKey: 'nav.reportTip' },
  { to: '/my-tips', icon: 'list', labelKey: 'nav.myTips' },
  { to: '/campaigns', icon: 'flag', labelKey: 'nav.campaigns' },
  { to: '/leaderboard', icon: 'trophy', labelKey: 'nav.leaderboard' },
  { to: '/points', icon: 'star', labelKey: 'nav.points' },
] as const;

export function VolunteerLayout() {
  const { t } = useTranslation();
  const { isSignedIn } = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  // A question from the police must not wait for the volunteer to open the right tip.
  const me = useMe();
  const unread = useUnread(isSignedIn && me.data?.role === 'volunteer');
  const unreadTotal = unread.data?.total ?? 0;
  // Come back to the page you were on (a half-written tip stays in its draft).
  const isAuthPage = ['/', '/sign-in', '/register'].includes(location.pathname);
  const signInHref = isAuthPage ? '/sign-in' : signInPath(location.pathname + location.search);

  // Staff have their own desks: a staff member never lands on a volunteer page (Sign in decides itself).
  if (isSignedIn && location.pathname !== '/sign-in') {
    if (me.data?.mustChangePassword || isPasswordChangeRequired(me.error)) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
    if (me.data && isStaff(me.data)) return <Navigate to={deskOf(me.data)} replace />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <BrandMark />
            <span>{t('appName')}</span>
          </Link>
          <nav className="tabbar" aria-label={t('nav.main')}>
            <ul>
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>
                    <NavIcon name={item.icon} />
                    <span>{t(item.labelKey)}</span>
                    {item.to === '/my-tips' && unreadTotal > 0 ? (
                      <span className="tab-badge">
                        <span aria-hidden="true">{unreadTotal}</span>
                        <span className="visually-hidden">{t('nav.unread', { count: unreadTotal })}</span>
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitch />
            {isSignedIn ? (
              <button type="button" className="header-link" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            ) : (
              <Link to={signInHref} className="header-link">
                {t('nav.signIn')}
              </Link>
            )}
          </div>
        </div>
      </header>
      <EmergencyNotice />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
