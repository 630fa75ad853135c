import { useState, type FormEvent } from 'react';
import { PASSWORD_LENGTH } from '@hy/schemas/account-rules';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/field';
import { isApiError, issuesByField } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { User } from '../../../shared/types/user';
import { useChangePassword } from '../api/change-password';

type Errors = { currentPassword?: string; newPassword?: string; confirm?: string; form?: string };

/** Current password, new password twice; the server's rules (length, common passwords) decide, the web only names the field. */
export function ChangePasswordForm({ isTemporary, onChanged }: { isTemporary: boolean; onChanged: (user: User) => void }) {
  const { t } = useTranslation('auth');
  const errorMessage = useErrorMessage();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Errors = {};
    if (!currentPassword) found.currentPassword = t('invalid.required');
    if (newPassword.length < PASSWORD_LENGTH.min) found.newPassword = t('invalid.password');
    if (confirm !== newPassword) found.confirm = t('changePassword.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: ({ user }) => onChanged(user),
        onError: (error) => {
          if (isApiError(error) && error.status === 400) {
            const byField = issuesByField(error);
            return setErrors({
              currentPassword: byField.currentPassword ? t('changePassword.wrongCurrent') : undefined,
              newPassword: byField.newPassword ? t('changePassword.weak') : undefined,
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
      <TextField
        id="current-password"
        label={isTemporary ? t('changePassword.temporary') : t('changePassword.current')}
        error={errors.currentPassword}
        isRequired
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
      />
      <TextField
        id="new-password"
        label={t('changePassword.new')}
        hint={t('register.passwordHint')}
        error={errors.newPassword}
        isRequired
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={setNewPassword}
      />
      <TextField
        id="confirm-password"
        label={t('changePassword.confirm')}
        error={errors.confirm}
        isRequired
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={change.isPending}>
        {change.isPending ? t('changePassword.submitting') : t('changePassword.submit')}
      </button>
    </form>
  );
}
