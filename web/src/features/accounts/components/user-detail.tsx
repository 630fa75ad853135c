import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import type { Placement, Role, User } from '../../../shared/types/user';
import { useResetPassword } from '../api/reset-password';
import { useResetTwoFactor } from '../api/reset-two-factor';
import type { ManagedUser } from '@hy/schemas/accounts';
import { useUpdateUser } from '../api/update-user';
import styles from './accounts.module.css';
import { ConfirmDialog } from './confirm-dialog';
import { PlacementFields, isPlaceComplete, placeDraftOf, placeFor, type PlaceDraft } from './placement-fields';
import { TemporaryPassword } from './temporary-password';
import { useAccountError, type AccountErrors } from './use-account-error';
import { RoleSelect } from './role-select';
import { useRoleName } from './use-role-name';

function Facts({ user }: { user: ManagedUser }) {
  const { t } = useTranslation('admin');
  const language = useLanguage();
  const roleName = useRoleName();
  const place = [user.district, user.community].filter((p) => p !== null).map((p) => localizedName(p, language)).join(' · ');
  return (
    <dl className={styles.facts}>
      <dt>{t('detail.phone')}</dt>
      <dd>{user.phone}</dd>
      <dt>{t('detail.role')}</dt>
      <dd>{roleName(user.role)}</dd>
      <dt>{t('detail.place')}</dt>
      <dd>{place || t('placement.city')}</dd>
      <dt>{t('detail.status')}</dt>
      <dd>
        {user.disabledAt ? t('detail.disabled', { date: formatDateTime(user.disabledAt, language) }) : t('detail.active')}
        {user.mustChangePassword ? <div className={styles.muted}>{t('detail.mustChange')}</div> : null}
        {user.totpEnabled ? <div className={styles.muted}>{t('detail.totpOn')}</div> : null}
      </dd>
      <dt>{t('detail.created')}</dt>
      <dd>{formatDateTime(user.createdAt, language)}</dd>
    </dl>
  );
}

function PlacementEditor({ user, manager }: { user: ManagedUser; manager: User }) {
  const { t } = useTranslation('admin');
  const accountError = useAccountError();
  const update = useUpdateUser(user.id);
  const roles = manager.manageableRoles;
  const [role, setRole] = useState<Role>(user.role);
  const [place, setPlace] = useState<PlaceDraft>(placeDraftOf(user));
  const [errors, setErrors] = useState<AccountErrors>({});
  const placement: Placement = roles.find((r) => r.role === role)?.placement ?? 'district';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isPlaceComplete(placement, place)) return setErrors({ [placement === 'community' ? 'communityId' : 'districtId']: t('errors.placement') });
    setErrors({});
    // Volunteers register themselves: the API takes only staff roles (UpdateUser).
    update.mutate({ role: role === 'volunteer' ? undefined : role, ...placeFor(placement, place) }, { onError: (error) => setErrors(accountError(error)) });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="edit-title">
      <h2 id="edit-title">{t('detail.edit')}</h2>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      {update.isSuccess && !errors.form ? <Alert tone="success">{t('detail.saved')}</Alert> : null}
      <Field id="edit-role" label={t('form.role')} error={errors.role} isRequired>
        {(control) => (
          <RoleSelect
            {...control}
            roles={roles}
            value={role}
            onChange={(next) => {
              setRole(next);
              update.reset();
            }}
          />
        )}
      </Field>
      <PlacementFields
        idPrefix="edit"
        placement={placement}
        draft={place}
        onChange={(draft) => {
          setPlace(draft);
          update.reset();
        }}
        isDistrictFixed={manager.role !== 'admin'}
        errors={errors}
      />
      <button type="submit" className="btn btn-primary" disabled={update.isPending}>
        {update.isPending ? t('detail.saving') : t('detail.save')}
      </button>
    </form>
  );
}

type Pending = 'toggle' | 'reset' | 'twoFactor' | null;

function AccessPanel({ user }: { user: ManagedUser }) {
  const { t } = useTranslation('admin');
  const accountError = useAccountError();
  const update = useUpdateUser(user.id);
  const reset = useResetPassword(user.id);
  const resetTotp = useResetTwoFactor(user.id);
  const [asking, setAsking] = useState<Pending>(null);
  const [error, setError] = useState<string | undefined>();
  const name = user.displayName;
  const toggle = () =>
    update.mutate({ disabled: !user.disabled }, { onSettled: () => setAsking(null), onError: (e) => setError(accountError(e).form) });
  const resetNow = () => reset.mutate(undefined, { onSettled: () => setAsking(null), onError: (e) => setError(accountError(e).form) });
  const resetTotpNow = () =>
    resetTotp.mutate(undefined, { onSettled: () => setAsking(null), onError: (e) => setError(accountError(e).form) });
  return (
    <section aria-labelledby="access-title" className="stack">
      <h2 id="access-title">{t('detail.access')}</h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className={styles.actions}>
        <button type="button" className={`btn ${user.disabled ? 'btn-secondary' : styles.danger}`} onClick={() => setAsking('toggle')}>
          {user.disabled ? t('detail.enable') : t('detail.disable')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setAsking('reset')}>
          {t('detail.reset')}
        </button>
        {user.totpEnabled ? (
          <button type="button" className="btn btn-secondary" onClick={() => setAsking('twoFactor')}>
            {t('detail.resetTwoFactor')}
          </button>
        ) : null}
      </div>
      {resetTotp.isSuccess ? <Alert tone="success">{t('detail.resetTwoFactorDone')}</Alert> : null}
      {reset.data ? (
        <Alert tone="success">
          <p>
            <strong>{t('detail.resetDone')}</strong>
          </p>
          <TemporaryPassword value={reset.data.temporaryPassword} />
        </Alert>
      ) : null}
      <ConfirmDialog
        isOpen={asking === 'toggle'}
        title={user.disabled ? t('detail.enableTitle', { name }) : t('detail.disableTitle', { name })}
        confirmLabel={user.disabled ? t('detail.enable') : t('detail.disable')}
        isDanger={!user.disabled}
        isPending={update.isPending}
        onConfirm={toggle}
        onCancel={() => setAsking(null)}
      >
        <p>{user.disabled ? t('detail.enableBody') : t('detail.disableBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={asking === 'reset'}
        title={t('detail.resetTitle', { name })}
        confirmLabel={t('detail.reset')}
        isDanger
        isPending={reset.isPending}
        onConfirm={resetNow}
        onCancel={() => setAsking(null)}
      >
        <p>{t('detail.resetBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={asking === 'twoFactor'}
        title={t('detail.resetTwoFactorTitle', { name })}
        confirmLabel={t('detail.resetTwoFactor')}
        isDanger
        isPending={resetTotp.isPending}
        onConfirm={resetTotpNow}
        onCancel={() => setAsking(null)}
      >
        <p>{t('detail.resetTwoFactorBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** One account: what it is, its role and place (staff), and its access (disable, reset password, reset two-factor). */
export function UserDetail({ user, manager }: { user: ManagedUser; manager: User }) {
  const { t } = useTranslation('admin');
  const isSelf = user.id === manager.id;
  return (
    <div className={styles.columns}>
      <div className="card">
        <Facts user={user} />
      </div>
      {isSelf ? (
        <Alert tone="info">{t('detail.self')}</Alert>
      ) : (
        <div className="card stack">
          {user.role === 'volunteer' ? <p>{t('detail.volunteerNote')}</p> : <PlacementEditor key={user.role} user={user} manager={manager} />}
          <AccessPanel user={user} />
        </div>
      )}
    </div>
  );
}
