import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../lib/use-error-message';
import { Alert } from './alert';

/** A failed load, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <Alert
      tone="error"
      actions={
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      }
    >
      <p>{errorMessage(error)}</p>
    </Alert>
  );
}
