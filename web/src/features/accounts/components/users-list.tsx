import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { QueryFallback } from '../../../components/ui/query-fallback';
import { formatDate, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { DistrictSelect } from '../../../shared/components/district-select';
import type { Role, User } from '../../../shared/types/user';
import type { ManagedUser } from '@hy/schemas/accounts';
import { useUsers, type UserFilters } from '../api/get-users';
import styles from './accounts.module.css';
import { useRoleName } from './use-role-name';

function Filters({ manager, onApply }: { manager: User; onApply: (filters: UserFilters) => void }) {
  const { t } = useTranslation('admin');
  const roleName = useRoleName();
  const isAdmin = manager.role === 'admin';
  // Admins also find volunteers (to disable an abusive account or reset a forgotten password).
  const roles: Role[] = [...manager.manageableRoles.map((r) => r.role), ...(isAdmin ? (['volunteer'] as const) : [])];
  const [role, setRole] = useState('');
  const [districtId, setDistrictId] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    onApply({
      role: role ? (role as Role) : undefined,
      districtId: districtId ? Number(districtId) : undefined,
      q: q.trim() || undefined,
      disabled: status === '' ? undefined : status === 'disabled',
    });
  };
  return (
    <form className={styles.filters} onSubmit={apply} aria-label={t('users.filters')} role="search">
      <Field id="users-q" label={t('users.search')}>
        {(control) => <input {...control} className="input" type="search" value={q} maxLength={50} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <Field id="users-role" label={t('users.role')}>
        {(control) => (
          <select {...control} className="select" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('users.anyRole')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {isAdmin ? (
        <Field id="users-district" label={t('users.district')}>
          {(control) => <DistrictSelect {...control} value={districtId} onChange={setDistrictId} />}
        </Field>
      ) : null}
      <Field id="users-status" label={t('users.status')}>
        {(control) => (
          <select {...control} className="select" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('users.anyStatus')}</option>
            <option value="active">{t('users.active')}</option>
            <option value="disabled">{t('users.disabled')}</option>
          </select>
        )}
      </Field>
      <button type="submit" className="btn btn-primary">
        {t('users.apply')}
      </button>
    </form>
  );
}

function UserRow({ user }: { user: ManagedUser }) {
  const { t } = useTranslation('admin');
  const language = useLanguage();
  const roleName = useRoleName();
  const place = [user.district, user.community].filter((p) => p !== null).map((p) => localizedName(p, language)).join(' · ');
  return (
    <li className={styles.row}>
      <div className={styles.name}>
        <Link to={`/admin/users/${user.id}`} aria-label={t('users.open', { name: user.displayName })}>
          {user.displayName}
        </Link>
        <div className={styles.muted}>{user.phone}</div>
      </div>
      <div>{roleName(user.role)}</div>
      <div className={styles.muted}>
        {place || t('placement.city')}
        <div>{t('users.created', { date: formatDate(user.createdAt, language) })}</div>
      </div>
      <div className={styles.tags}>
        {user.disabled ? <span className={`${styles.tag} ${styles.tagDanger}`}>{t('users.disabled')}</span> : null}
        {user.mustChangePassword ? <span className={`${styles.tag} ${styles.tagWarning}`}>{t('users.mustChange')}</span> : null}
      </div>
    </li>
  );
}

/** The accounts the manager may see: filters, newest first, "Load more" through the keyset cursor. */
export function UsersList({ manager }: { manager: User }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [filters, setFilters] = useState<UserFilters>({});
  const users = useUsers(filters);
  const rows = users.data?.pages.flatMap((p) => p.users) ?? [];
  return (
    <>
      <Filters manager={manager} onApply={setFilters} />
      {!users.data ? (
        <QueryFallback query={users} />
      ) : rows.length === 0 ? (
        <p>{t('users.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('users.title')}>
          {rows.map((u) => (
            <UserRow key={u.id} user={u} />
          ))}
        </ul>
      )}
      {users.hasNextPage ? (
        <button type="button" className="btn btn-secondary" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
          {tc('actions.loadMore')}
        </button>
      ) : null}
    </>
  );
}
