import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/ui/language-switch';
import { SignOutButton } from '../features/auth/components/sign-out-button';
import '../features/points/points-i18n';
import { BrandMark } from './nav-icons';
import { DeskAreas } from './desk-areas';
import { CHANGE_PASSWORD_PATH } from '../shared/desks';

/** Desk layout for community organizers: no volunteer tab bar, wide content. */
export function OrganizerLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/organizer" className="brand">
            <BrandMark />
            <span>{t('appName')}</span>
          </Link>
          <nav aria-label={t('nav.main')} className="header-tools">
            <Link to="/organizer" className="header-link">
              {t('nav.home')}
            </Link>
            <Link to="/organizer/campaigns" className="header-link">
              {t('nav.campaigns')}
            </Link>
          </nav>
          <div className="header-tools">
            <DeskAreas current="organizer" />
            <Link to={CHANGE_PASSWORD_PATH} className="header-link">
              {t('nav.password')}
            </Link>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1} style={{ maxWidth: 1100 }}>
        <Outlet />
      </main>
    </>
  );
}
