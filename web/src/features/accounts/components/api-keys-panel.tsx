import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Field } from '../../../components/ui/field';
import { QueryFallback } from '../../../components/ui/query-fallback';
import { formatDateTime } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type ApiKey } from '../api/api-keys';
import styles from './accounts.module.css';
import { OneTimeSecret } from './temporary-password';

function NewKeyForm() {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) return setNameError(t('apiKeys.nameTooShort'));
    setNameError(null);
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-key-title">
      <h2 id="new-key-title">{t('apiKeys.new')}</h2>
      <Field id="api-key-name" label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} error={nameError} isRequired>
        {(control) => <input {...control} className="input" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('apiKeys.create')}
      </button>
      {create.data ? <OneTimeSecret value={create.data.key} label={t('apiKeys.keyFor', { name: create.data.apiKey.name })} hint={t('apiKeys.once')} /> : null}
    </form>
  );
}

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: (key: ApiKey) => void }) {
  const { t } = useTranslation('admin');
  const language = useLanguage();
  return (
    <li className={styles.keyRow}>
      <div>
        <div className={styles.name}>{apiKey.name}</div>
        <code>{apiKey.prefix}…</code>
      </div>
      <div className={styles.muted}>
        {t('apiKeys.created', { date: formatDateTime(apiKey.createdAt, language) })}
        <br />
        {apiKey.lastUsedAt ? t('apiKeys.lastUsed', { date: formatDateTime(apiKey.lastUsedAt, language) }) : t('apiKeys.neverUsed')}
      </div>
      {apiKey.revokedAt ? (
        <span className={styles.muted}>{t('apiKeys.revokedOn', { date: formatDateTime(apiKey.revokedAt, language) })}</span>
      ) : (
        <button type="button" className="btn btn-secondary" onClick={() => onRevoke(apiKey)}>
          {t('apiKeys.revoke')}
        </button>
      )}
    </li>
  );
}

/** Admins issue an Open311 key per integrator (shown once), see when each was last used, and revoke it. */
export function ApiKeysPanel() {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [pending, setPending] = useState<ApiKey | null>(null);
  return (
    <>
      <p>{t('apiKeys.intro')}</p>
      <NewKeyForm />
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t('apiKeys.list')}</h2>
        {revoke.isError ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
        {keys.data ? (
          keys.data.length === 0 ? (
            <p className="card">{t('apiKeys.none')}</p>
          ) : (
            <ul className={styles.list}>
              {keys.data.map((k) => (
                <KeyRow key={k.id} apiKey={k} onRevoke={setPending} />
              ))}
            </ul>
          )
        ) : (
          <QueryFallback query={keys} />
        )}
      </section>
      <ConfirmDialog
        isOpen={pending !== null}
        title={t('apiKeys.confirmTitle', { name: pending?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke')}
        cancelLabel={t('confirm.cancel')}
        tone="danger"
        isBusy={revoke.isPending}
        onConfirm={() => pending && revoke.mutate(pending.id, { onSettled: () => setPending(null) })}
        onCancel={() => setPending(null)}
      >
        <p>{t('apiKeys.confirmBody')}</p>
      </ConfirmDialog>
    </>
  );
}
