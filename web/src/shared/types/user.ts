/** Users as the API answers them: the types are the schemas' (packages/schemas/src/auth.ts, roles.ts), never a copy. */
export type { Placement, Role, StaffRole } from '@hy/schemas/roles';
export type { User } from '@hy/schemas/auth';
