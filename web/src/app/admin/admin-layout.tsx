import './admin-i18n';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DeskLayout } from '../../layouts/desk-layout';
import { useMe } from '../../shared/api/get-me';
import '../../features/audit/audit-i18n';

/** The admin area (/admin): admins city-wide, supervisors for their district's officers and auxiliaries. */
export default function AdminLayout() {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('audit');
  const me = useMe();
  return (
    <DeskLayout
      area="admin"
      title={t('area')}
      nav={[
        { to: '/admin', label: t('nav.users'), end: true },
        { to: '/admin/users/new', label: t('nav.newUser') },
        { to: '/admin/audit', label: ta('title') },
        ...(me.data?.role === 'admin' ? [{ to: '/admin/api-keys', label: t('nav.apiKeys') }] : []),
      ]}
    >
      <Outlet />
    </DeskLayout>
  );
}
