import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/types/user';

export function useRoleName(): (role: Role) => string {
  const { t } = useTranslation('admin');
  return (role) => t(`roles.${role}`);
}
