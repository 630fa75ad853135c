import { useTranslation } from 'react-i18next';
import { isApiError, issuesByField } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';

export type AccountErrors = { form?: string; phone?: string; displayName?: string; role?: string; districtId?: string; communityId?: string };

/** An admin API error in the page's language, on the field it concerns (never the server's English). */
export function useAccountError(): (error: unknown) => AccountErrors {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('auth');
  const errorMessage = useErrorMessage();
  return (error) => {
    if (!isApiError(error)) return { form: errorMessage(error) };
    const field = (error.details as { field?: string } | null)?.field;
    if (error.status === 409 && field === 'communityId') return { communityId: t('errors.communityTaken'), form: t('errors.communityTaken') };
    if (error.status === 409) return { phone: t('errors.phoneTaken'), form: t('errors.phoneTaken') };
    if (error.status === 403) return { form: t('errors.forbidden') };
    if (error.status === 404) return { form: t('errors.notFound') };
    if (error.status === 400) {
      const byField = issuesByField(error);
      return {
        form: ta('invalid.fixBelow'),
        phone: byField.phone ? ta('invalid.phone') : undefined,
        displayName: byField.displayName ? ta('invalid.displayName') : undefined,
        role: byField.role ? t('errors.placement') : undefined,
        districtId: byField.districtId ? t('errors.placement') : undefined,
        communityId: byField.communityId ? t('errors.placement') : undefined,
      };
    }
    return { form: errorMessage(error) };
  };
}
