import { useTranslation } from 'react-i18next';
import { useSignOut } from '../api/logout';

/** The header's Sign out: leaves the page, ends the session on this device and opens `to`. */
export function SignOutButton({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut(to);
  return (
    <button type="button" className="header-link" onClick={signOut}>
      {t('nav.signOut')}
    </button>
  );
}
