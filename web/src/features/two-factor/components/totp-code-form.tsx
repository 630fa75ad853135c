import '../two-factor-i18n';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/field';

type Props = {
  id: string;
  submitLabel: string;
  isPending: boolean;
  /** The server's verdict on the last code, in the page's language. */
  error: string | null;
  onSubmit: (code: string) => void;
  tone?: 'primary' | 'secondary';
};

/** One labelled 6-digit code field and its button (enrolment and turning off share it). */
export function TotpCodeForm({ id, submitLabel, isPending, error, onSubmit, tone = 'primary' }: Props) {
  const { t } = useTranslation('twoFactor');
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) return setLocalError(t('codeFormat'));
    setLocalError(null);
    onSubmit(digits);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id={id}
        label={t('code')}
        hint={t('codeHint')}
        error={localError ?? error}
        isRequired
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={code}
        onChange={setCode}
      />
      <button type="submit" className={`btn btn-${tone} btn-block`} disabled={isPending}>
        {submitLabel}
      </button>
    </form>
  );
}
