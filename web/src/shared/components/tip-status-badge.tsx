import { useTranslation } from 'react-i18next';
import type { TipStatus } from '../types/tip';

export function TipStatusBadge({ status }: { status: TipStatus }) {
  const { t } = useTranslation('tips');
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
