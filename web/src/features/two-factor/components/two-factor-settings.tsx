import '../two-factor-i18n';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { isApiError } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { User } from '../../../shared/types/user';
import { useSetTotp } from '../api/set-totp';
import { useSetupTotp } from '../api/setup-totp';
import styles from './two-factor.module.css';
import { TotpCodeForm } from './totp-code-form';

/** The server's answer to a code, in the page's language. */
function useCodeError(): (error: unknown) => string | null {
  const { t } = useTranslation('twoFactor');
  const errorMessage = useErrorMessage();
  return (error) => {
    if (!error) return null;
    if (isApiError(error) && error.status === 400) return t('codeInvalid');
    if (isApiError(error) && error.status === 409) return t('stale');
    return errorMessage(error);
  };
}

/** Set-up: a QR code and the same secret as text, then a code from the app to confirm. */
function Enrolment({ onEnabled }: { onEnabled?: (user: User) => void }) {
  const { t } = useTranslation('twoFactor');
  const setup = useSetupTotp();
  const enable = useSetTotp({ onChanged: onEnabled });
  const codeError = useCodeError();
  const errorMessage = useErrorMessage();
  if (!setup.data) {
    return (
      <div className="stack">
        <p>{t('offIntro')}</p>
        {setup.error ? <Alert tone="error">{errorMessage(setup.error)}</Alert> : null}
        <button type="button" className="btn btn-primary btn-block" onClick={() => setup.mutate()} disabled={setup.isPending}>
          {t('start')}
        </button>
      </div>
    );
  }
  const { secret, qrCode } = setup.data;
  return (
    <div className="stack">
      <ol className={styles.steps}>
        <li>{t('step1')}</li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
      </ol>
      <img className={styles.qr} src={qrCode} alt={t('qrAlt')} width={200} height={200} />
      <div className="field">
        <label className="field-label" htmlFor="totp-secret">
          {t('secret')}
        </label>
        <input id="totp-secret" className={`input ${styles.secret}`} readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
        <p className="field-hint">{t('secretHint')}</p>
      </div>
      <TotpCodeForm
        id="totp-enable-code"
        submitLabel={enable.isPending ? t('enabling') : t('enable')}
        isPending={enable.isPending}
        error={codeError(enable.error)}
        onSubmit={(code) => enable.mutate({ action: 'enable', code })}
      />
    </div>
  );
}

function TurnOff() {
  const { t } = useTranslation('twoFactor');
  const disable = useSetTotp();
  const codeError = useCodeError();
  return (
    <div className="stack">
      <Alert tone="success">{t('isOn')}</Alert>
      <p>{t('offWarning')}</p>
      <TotpCodeForm
        id="totp-disable-code"
        tone="secondary"
        submitLabel={disable.isPending ? t('disabling') : t('disable')}
        isPending={disable.isPending}
        error={codeError(disable.error)}
        onSubmit={(code) => disable.mutate({ action: 'disable', code })}
      />
    </div>
  );
}

/** Two-factor sign-in for a staff member: enrol (QR + secret + code) or turn off with a code. */
export function TwoFactorSettings({ user, onEnabled }: { user: User; onEnabled?: (user: User) => void }) {
  const { t } = useTranslation('twoFactor');
  if (user.role === 'volunteer') return <Alert tone="info">{t('staffOnly')}</Alert>;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('title')}</h2>
      {user.mustEnrolTotp ? <Alert tone="warning">{t('required')}</Alert> : null}
      {user.totpEnabled ? <TurnOff /> : <Enrolment onEnabled={onEnabled} />}
    </section>
  );
}
