import './admin-i18n';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DeskLayout } from '../../layouts/desk-layout';

/** The admin area (/admin): admins city-wide, supervisors for their district's officers and auxiliaries. */
export default function AdminLayout() {
  const { t } = useTranslation('admin');
  return (
    <DeskLayout
      area="admin"
      title={t('area')}
      nav={[
        { to: '/admin', label: t('nav.users'), end: true },
        { to: '/admin/users/new', label: t('nav.newUser') },
      ]}
    >
      <Outlet />
    </DeskLayout>
  );
}
