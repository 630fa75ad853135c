import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-error';

/** Turns any thrown error into one sentence in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        if (error.isNetworkError) return t('errors.network');
        if (error.status === 401) return t('errors.sessionExpired');
        if (error.status === 429) {
          return error.retryAfterSeconds
            ? t('errors.rateLimited', { seconds: error.retryAfterSeconds })
            : t('errors.rateLimitedShort');
        }
        return t('errors.generic', { message: error.message });
      }
      return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
    },
    [t],
  );
}
