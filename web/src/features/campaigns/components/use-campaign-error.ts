import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import '../campaigns-i18n';
import { GeoError } from './position';

const CODES = [
  'FULL',
  'CAMPAIGN_ENDED',
  'NOT_JOINED',
  'NOT_CHECKED_IN',
  'ALREADY_CHECKED_IN',
  'ALREADY_CHECKED_OUT',
  'OUT_OF_TIME',
  'OUT_OF_AREA',
  'POOR_ACCURACY',
  'IMPLAUSIBLE_MOVEMENT',
] as const;
type Code = (typeof CODES)[number];
const isCode = (code: string): code is Code => (CODES as readonly string[]).includes(code);

/** A campaign action's error in the page's language, by its code (the server's English text never shows on a Chinese page). */
export function useCampaignError(): (error: unknown) => string {
  const { t } = useTranslation('campaigns');
  const generic = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (error instanceof GeoError) return t(`errors.${error.code}`);
      if (isApiError(error) && isCode(error.code)) {
        const details = (error.details ?? {}) as { distanceM?: number; accuracyM?: number };
        return t(`errors.${error.code}`, { distance: details.distanceM ?? '?', accuracy: Math.round(details.accuracyM ?? 0) });
      }
      return generic(error);
    },
    [t, generic],
  );
}
