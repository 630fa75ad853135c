import { useTranslation } from 'react-i18next';

/** `isCompact`: one line with no room around it, for a panel whose place is already reserved. */
export function LoadingState({ isCompact = false }: { isCompact?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className={isCompact ? 'loading loading-compact' : 'loading'} role="status">
      {t('loading')}
    </p>
  );
}
