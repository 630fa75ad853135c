import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/ui/alert';
import { LanguageSwitch } from '../components/ui/language-switch';
import { QueryFallback } from '../components/ui/query-fallback';
import { SignOutButton } from '../features/auth/components/sign-out-button';
import { RequireAuth } from '../features/auth/components/require-auth';
import { useMe } from '../shared/api/get-me';
import { CHANGE_PASSWORD_PATH, deskOf, mayUse, TWO_FACTOR_PATH, type Area } from '../shared/desks';
import { DeskAreas } from './desk-areas';
import { BrandMark } from './nav-icons';
import styles from './desk-layout.module.css';

export type DeskNavItem = { to: string; label: string; end?: boolean };

type Props = { area: Area; title: string; nav?: DeskNavItem[]; children: ReactNode };

function DeskContent({ area, children }: { area: Area; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <QueryFallback query={me} />;
  if (!mayUse(me.data, area))
    return (
      <Alert tone="warning" actions={<Link to={deskOf(me.data)}>{t('desks.goToMine')}</Link>}>
        {t('desks.notYours')}
      </Alert>
    );
  return children;
}

/** A staff desk (admin area, auxiliary): top bar with the area's pages, the other desks, password, language, sign out. */
export function DeskLayout({ area, title, nav = [], children }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <RequireAuth>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className={`app-header ${styles.header}`}>
        <div className={styles.inner}>
          <Link to={me.data ? deskOf(me.data) : '/'} className="brand">
            <BrandMark />
            <span>
              {t('appName')} · {title}
            </span>
          </Link>
          {nav.length > 0 ? (
            <nav aria-label={title} className={styles.nav}>
              {nav.map((item) => (
                <NavLink key={item.to} to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              ))}
            </nav>
          ) : null}
          <div className={`header-tools ${styles.tools}`}>
            {me.data ? <span className={styles.who}>{me.data.displayName}</span> : null}
            <DeskAreas current={area} />
            <Link to={CHANGE_PASSWORD_PATH} className="header-link">
              {t('nav.password')}
            </Link>
            <Link to={TWO_FACTOR_PATH} className="header-link">
              {t('nav.twoFactor')}
            </Link>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <DeskContent area={area}>{children}</DeskContent>
      </main>
    </RequireAuth>
  );
}
