import type { ControlProps } from '../../../components/ui/field';
import type { Role, StaffRole, User } from '../../../shared/types/user';
import { useRoleName } from './use-role-name';

type Props = ControlProps & { roles: User['manageableRoles']; value: Role; onChange: (role: StaffRole) => void };

/** The roles the manager may give (from the API's policy), in the page's language. */
export function RoleSelect({ roles, value, onChange, ...control }: Props) {
  const roleName = useRoleName();
  return (
    <select {...control} className="select" value={value} onChange={(e) => onChange(e.target.value as StaffRole)}>
      {roles.map((r) => (
        <option key={r.role} value={r.role}>
          {roleName(r.role)}
        </option>
      ))}
    </select>
  );
}
