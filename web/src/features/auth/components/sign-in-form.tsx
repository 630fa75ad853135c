import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/field';
import { isApiError, issuesByField } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { User } from '../../../shared/types/user';
import { useLogin } from '../api/login';

type Errors = { phone?: string; password?: string; totp?: string; form?: string };

/** What a sign-in failure means for the form: the server asks for the second factor only after a right password. */
function signInErrors(error: unknown, t: TFunction<'auth'>): Errors | null {
  if (!isApiError(error)) return null;
  if (error.code === 'TOTP_INVALID') return { totp: t('signIn.totpInvalid') };
  if (error.status === 401) return { form: t('signIn.invalid') };
  if (error.status === 400) {
    const byField = issuesByField(error);
    return {
      phone: byField.phone ? t('invalid.phone') : undefined,
      password: byField.password ? t('invalid.required') : undefined,
      totp: byField.totp ? t('invalid.totp') : undefined,
      form: t('invalid.fixBelow'),
    };
  }
  return null;
}

export function SignInForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useTranslation('auth');
  const errorMessage = useErrorMessage();
  const login = useLogin();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [isCodeAsked, setIsCodeAsked] = useState(false);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Errors = {};
    if (!phone.trim()) found.phone = t('invalid.required');
    if (!password) found.password = t('invalid.required');
    if (isCodeAsked && !/^\d{6}$/.test(code.replace(/\s/g, ''))) found.totp = t('invalid.totp');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    login.mutate(
      { phone: phone.trim(), password, ...(isCodeAsked ? { totp: code.replace(/\s/g, '') } : {}) },
      {
        onSuccess: ({ user }) => onSignedIn(user),
        onError: (error) => {
          if (isApiError(error) && error.code === 'TOTP_REQUIRED') {
            setIsCodeAsked(true);
            return setErrors({});
          }
          setErrors(signInErrors(error, t) ?? { form: errorMessage(error) });
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <TextField
        id="sign-in-phone"
        label={t('phone')}
        error={errors.phone}
        isRequired
        type="tel"
        inputMode="tel"
        autoComplete="username"
        value={phone}
        onChange={setPhone}
      />
      <TextField
        id="sign-in-password"
        label={t('password')}
        error={errors.password}
        isRequired
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      {isCodeAsked ? (
        <>
          <Alert tone="info">{t('signIn.totpAsked')}</Alert>
          <TextField
            id="sign-in-totp"
            label={t('signIn.totp')}
            hint={t('signIn.totpHint')}
            error={errors.totp}
            isRequired
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            autoFocus
            value={code}
            onChange={setCode}
          />
        </>
      ) : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
        {login.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
