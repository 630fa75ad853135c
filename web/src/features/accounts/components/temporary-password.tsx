import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './accounts.module.css';

/** The one showing of a secret (a temporary password, an integrator's API key), with a copy button and what to do with it. */
export function OneTimeSecret({ value, label, hint }: { value: string; label: string; hint: string }) {
  const { t } = useTranslation('admin');
  const [isCopied, setIsCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setIsCopied(true);
    } catch {
      // No clipboard access (an insecure origin, a refused permission): the text stays selectable.
      setIsCopied(false);
    }
  };
  return (
    <div>
      <p id="temporary-password-label">
        <strong>{label}</strong>
      </p>
      <div className={styles.secret}>
        <output aria-labelledby="temporary-password-label" data-testid="temporary-password">
          {value}
        </output>
        <button type="button" className="btn btn-secondary" onClick={() => void copy()}>
          {isCopied ? t('temporary.copied') : t('temporary.copy')}
        </button>
      </div>
      <p className={styles.muted}>{hint}</p>
    </div>
  );
}

/** The one showing of a temporary password. */
export function TemporaryPassword({ value }: { value: string }) {
  const { t } = useTranslation('admin');
  return <OneTimeSecret value={value} label={t('temporary.label')} hint={t('temporary.once')} />;
}
