import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { isApiError, issuesByField } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { User } from '../../../shared/types/user';
import { useLogin } from '../api/login';

type Errors = { phone?: string; password?: string; form?: string };

export function SignInForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useTranslation('auth');
  const errorMessage = useErrorMessage();
  const login = useLogin();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Errors = {};
    if (!phone.trim()) found.phone = t('invalid.required');
    if (!password) found.password = t('invalid.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    login.mutate(
      { phone: phone.trim(), password },
      {
        onSuccess: ({ user }) => onSignedIn(user),
        onError: (error) => {
          if (isApiError(error) && error.status === 401) return setErrors({ form: t('signIn.invalid') });
          if (isApiError(error) && error.status === 400) {
            const byField = issuesByField(error);
            return setErrors({
              phone: byField.phone ? t('invalid.phone') : undefined,
              password: byField.password ? t('invalid.required') : undefined,
              form: t('invalid.fixBelow'),
            });
          }
          setErrors({ form: errorMessage(error) });
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Field id="sign-in-phone" label={t('phone')} error={errors.phone} isRequired>
        {(control) => (
          <input
            {...control}
            className="input"
            type="tel"
            inputMode="tel"
            autoComplete="username"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        )}
      </Field>
      <Field id="sign-in-password" label={t('password')} error={errors.password} isRequired>
        {(control) => (
          <input
            {...control}
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
        {login.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
