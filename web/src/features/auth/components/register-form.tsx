import { useState, type FormEvent } from 'react';
import { DISPLAY_NAME_LENGTH, PASSWORD_LENGTH } from '@hy/schemas/account-rules';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field, TextField } from '../../../components/ui/field';
import { isApiError, issuesByField } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import { CommunityCombobox } from '../../../shared/components/community-combobox';
import { DistrictSelect } from '../../../shared/components/district-select';
import { TownshipSelect } from '../../../shared/components/township-select';
import type { Community } from '../../../shared/types/reference';
import { useRegister } from '../api/register';
import { isMainlandMobile, normalizePhone } from '../phone';

type FieldName = 'phone' | 'password' | 'displayName' | 'district' | 'communityId';
type Errors = Partial<Record<FieldName, string>>;

type FormError = { kind: 'fix' } | { kind: 'phoneTaken' } | { kind: 'message'; text: string };

export function RegisterForm({ onRegistered, signInHref }: { onRegistered: () => void; signInHref: string }) {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const errorMessage = useErrorMessage();
  const register = useRegister();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [districtId, setDistrictId] = useState('');
  const [townshipId, setTownshipId] = useState('');
  const [community, setCommunity] = useState<Community | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<FormError | null>(null);

  const validate = (): Errors => {
    const found: Errors = {};
    if (!isMainlandMobile(phone)) found.phone = t('invalid.phone');
    if (password.length < PASSWORD_LENGTH.min) found.password = t('invalid.password');
    const name = displayName.trim();
    if (name.length < 2 || name.length > 30 || /[<>]/.test(name)) found.displayName = t('invalid.displayName');
    if (!districtId) found.district = t('invalid.district');
    else if (!community) found.communityId = t('invalid.communityId');
    return found;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFormError(Object.keys(found).length > 0 ? { kind: 'fix' } : null);
    if (Object.keys(found).length > 0 || !community) return;
    register.mutate(
      { phone: normalizePhone(phone), password, displayName: displayName.trim(), communityId: community.id },
      {
        onSuccess: onRegistered,
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setErrors({ phone: t('register.phoneTaken') });
            return setFormError({ kind: 'phoneTaken' });
          }
          if (isApiError(error) && error.status === 400) {
            const byField = issuesByField(error);
            const fromServer: Errors = {};
            for (const field of ['phone', 'password', 'displayName', 'communityId'] as const) {
              if (byField[field]) fromServer[field] = t(`invalid.${field}`);
            }
            setErrors(fromServer);
            return setFormError(
              Object.keys(fromServer).length > 0 ? { kind: 'fix' } : { kind: 'message', text: errorMessage(error) },
            );
          }
          setFormError({ kind: 'message', text: errorMessage(error) });
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {formError?.kind === 'fix' ? <Alert tone="error">{t('invalid.fixBelow')}</Alert> : null}
      {formError?.kind === 'phoneTaken' ? (
        <Alert tone="error">
          {t('register.phoneTaken')} <Link to={signInHref} className="touch-link">{t('signIn.title')}</Link>
        </Alert>
      ) : null}
      {formError?.kind === 'message' ? <Alert tone="error">{formError.text}</Alert> : null}

      <TextField
        id="register-phone"
        label={t('phone')}
        hint={t('phoneHint')}
        error={errors.phone}
        isRequired
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={phone}
        onChange={setPhone}
      />
      <TextField
        id="register-password"
        label={t('password')}
        hint={t('register.passwordHint')}
        error={errors.password}
        isRequired
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_LENGTH.min}
        value={password}
        onChange={setPassword}
      />
      <TextField
        id="register-display-name"
        label={t('displayName')}
        hint={t('displayNameHint')}
        error={errors.displayName}
        isRequired
        type="text"
        autoComplete="nickname"
        maxLength={DISPLAY_NAME_LENGTH.max}
        value={displayName}
        onChange={setDisplayName}
      />
      <Field id="register-district" label={t('district')} error={errors.district} isRequired>
        {(control) => (
          <DistrictSelect
            {...control}
            value={districtId}
            onChange={(value) => {
              setDistrictId(value);
              setTownshipId('');
              setCommunity(null);
            }}
          />
        )}
      </Field>
      <Field id="register-township" label={tc('places.township')}>
        {(control) => (
          <TownshipSelect
            {...control}
            districtId={districtId}
            value={townshipId}
            onChange={(value) => {
              setTownshipId(value);
              setCommunity(null);
            }}
          />
        )}
      </Field>
      <Field id="register-community" label={t('community')} hint={tc('places.communityHint')} error={errors.communityId} isRequired>
        {(control) => (
          <CommunityCombobox
            {...control}
            districtId={districtId}
            townshipId={townshipId}
            isDisabled={!districtId}
            value={community}
            onChange={setCommunity}
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary btn-block" disabled={register.isPending}>
        {register.isPending ? t('register.submitting') : t('register.submit')}
      </button>
    </form>
  );
}
