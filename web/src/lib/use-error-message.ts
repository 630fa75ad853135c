import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type enCommon from '../locales/en/common.json';
import { isApiError } from './api-error';
import { i18next } from './i18n';

/** Every error code the API can answer with (and the client's own NETWORK_ERROR) has a sentence. */
export type KnownErrorCode = keyof typeof enCommon.errors.code;

/** Asked of the loaded `common` strings (both languages have the same codes: web/test/error-codes.test.ts). */
export const isKnownErrorCode = (code: string): code is KnownErrorCode => /^[A-Z_]+$/.test(code) && i18next.exists(`errors.code.${code}`);

/**
 * Turns any thrown error into one sentence in the page's language, chosen by the error's `code`.
 * The server's English `message` is never shown: it stays for logs and integrators.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t('errors.unexpected');
      if (error.isNetworkError) return t('errors.network');
      if (error.status === 429 && error.retryAfterSeconds) return t('errors.rateLimited', { seconds: error.retryAfterSeconds });
      if (error.status === 401 && !isKnownErrorCode(error.code)) return t('errors.sessionExpired');
      if (isKnownErrorCode(error.code)) return t(`errors.code.${error.code}`);
      return t('errors.failed', { status: error.status });
    },
    [t],
  );
}
