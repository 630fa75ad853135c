import { useState, type FormEvent } from 'react';
import { DISPLAY_NAME_LENGTH } from '@hy/schemas/account-rules';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import type { Placement, StaffRole, User } from '../../../shared/types/user';
import { useCreateUser, type CreatedUser } from '../api/create-user';
import { PlacementFields, isPlaceComplete, placeDraftOf, placeFor, type PlaceDraft } from './placement-fields';
import { useAccountError, type AccountErrors } from './use-account-error';
import { RoleSelect } from './role-select';

/** Phone, name, role (those the API says the manager may give) and the place that role needs. */
export function NewUserForm({ manager, onCreated }: { manager: User; onCreated: (created: CreatedUser) => void }) {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('auth');
  const accountError = useAccountError();
  const create = useCreateUser();
  const roles = manager.manageableRoles;
  const isSupervisor = manager.role !== 'admin';
  const ownDistrict = isSupervisor && manager.districtId !== null ? String(manager.districtId) : '';
  const [phone, setPhone] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>(roles[0]?.role ?? 'officer');
  const [place, setPlace] = useState<PlaceDraft>(placeDraftOf(null, ownDistrict));
  const [errors, setErrors] = useState<AccountErrors>({});
  const placement: Placement = roles.find((r) => r.role === role)?.placement ?? 'district';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: AccountErrors = {};
    if (!/^\+?[\d\s-]{11,16}$/.test(phone.trim())) found.phone = ta('invalid.phone');
    if (displayName.trim().length < 2) found.displayName = ta('invalid.displayName');
    if (!isPlaceComplete(placement, place)) found[placement === 'community' ? 'communityId' : 'districtId'] = t('errors.placement');
    if (Object.keys(found).length > 0) return setErrors({ ...found, form: ta('invalid.fixBelow') });
    setErrors({});
    const where = placeFor(placement, place);
    create.mutate(
      {
        phone: phone.trim(),
        displayName: displayName.trim(),
        role,
        ...(where.districtId ? { districtId: where.districtId } : {}),
        ...(where.communityId ? { communityId: where.communityId } : {}),
      },
      { onSuccess: onCreated, onError: (error) => setErrors(accountError(error)) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Field id="new-user-phone" label={t('form.phone')} hint={ta('phoneHint')} error={errors.phone} isRequired>
        {(control) => (
          <input {...control} className="input" type="tel" inputMode="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
        )}
      </Field>
      <Field id="new-user-name" label={t('form.displayName')} error={errors.displayName} isRequired>
        {(control) => (
          <input {...control} className="input" autoComplete="off" maxLength={DISPLAY_NAME_LENGTH.max} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        )}
      </Field>
      <Field id="new-user-role" label={t('form.role')} hint={t('form.volunteersRegister')} error={errors.role} isRequired>
        {(control) => (
          <RoleSelect
            {...control}
            roles={roles}
            value={role}
            onChange={(next) => {
              setRole(next);
              setPlace(placeDraftOf(null, ownDistrict || place.districtId));
            }}
          />
        )}
      </Field>
      <PlacementFields
        idPrefix="new-user"
        placement={placement}
        draft={place}
        onChange={setPlace}
        isDistrictFixed={isSupervisor}
        errors={errors}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={create.isPending}>
        {create.isPending ? t('form.submitting') : t('form.submit')}
      </button>
    </form>
  );
}
