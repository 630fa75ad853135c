import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/ui/language-switch';
import { SignOutButton } from '../features/auth/components/sign-out-button';
import { BrandMark } from './nav-icons';

/**
 * The frame of a signed-in user's own account pages (change password, two-factor sign-in): no
 * desk navigation — the user may be held here until the step is done — only the brand (back to
 * the desk when allowed), the language and sign-out.
 */
export function AccountFrame({ brandTo, title, children }: { brandTo: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to={brandTo} className="brand">
            <BrandMark />
            <span>{t('appName')}</span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <h1 className="page-title">{title}</h1>
        {children}
      </main>
    </>
  );
}
