import { z } from 'zod';
import { DisplayName, Phone } from './auth';
import { Instant } from './fields';
import { ROLES, STAFF_ROLES } from './roles';

const districtId = z.number({ message: 'must be a district id' }).int('must be a district id').min(1).max(32767);
const communityId = z.number({ message: 'must be a community id' }).int('must be a community id').positive().max(2_147_483_647);

export const UserListQuery = z.strictObject({
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }).optional(),
  districtId: z.coerce.number({ message: 'must be a district id' }).int().min(1).max(32767).optional(),
  /** Part of the display name, or a whole phone number. */
  q: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters').optional(),
  disabled: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(50),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const CreateUser = z.strictObject({
  phone: Phone,
  displayName: DisplayName,
  role: z.enum(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')} (volunteers register themselves)` }),
  districtId: districtId.nullable().optional(),
  communityId: communityId.nullable().optional(),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .strictObject({
    role: z.enum(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` }).optional(),
    districtId: districtId.nullable().optional(),
    communityId: communityId.nullable().optional(),
    disabled: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: 'must change at least one field' });
export type UpdateUser = z.infer<typeof UpdateUser>;

export const PlaceName = z.strictObject({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() }).meta({ id: 'PlaceName' });
export type PlaceName = z.infer<typeof PlaceName>;

/** A user as the admin area shows them: never a password hash, PII or points; a volunteer's phone masked. */
export const ManagedUser = z
  .strictObject({
    id: z.uuid(),
    phone: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    districtId: z.number().int().nullable(),
    district: PlaceName.nullable(),
    communityId: z.number().int().nullable(),
    community: PlaceName.nullable(),
    unitId: z.number().int().nullable(),
    disabled: z.boolean(),
    disabledAt: Instant.nullable(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    createdAt: Instant,
  })
  .meta({ id: 'ManagedUser' });
export type ManagedUser = z.infer<typeof ManagedUser>;

export const ManagedUserAnswer = z.strictObject({ user: ManagedUser }).meta({ id: 'ManagedUserAnswer' });
export type ManagedUserAnswer = z.infer<typeof ManagedUserAnswer>;

export const ManagedUserPage = z.strictObject({ users: z.array(ManagedUser), nextCursor: z.string().nullable() }).meta({ id: 'ManagedUserPage' });
export type ManagedUserPage = z.infer<typeof ManagedUserPage>;

/** A new account: the user and the temporary password, shown this once. */
export const CreatedUser = z.strictObject({ user: ManagedUser, temporaryPassword: z.string() }).meta({ id: 'CreatedUser' });
export type CreatedUser = z.infer<typeof CreatedUser>;

/** A password reset: the new temporary password, shown this once. */
export const TemporaryPassword = z.strictObject({ temporaryPassword: z.string() }).meta({ id: 'TemporaryPassword' });
export type TemporaryPassword = z.infer<typeof TemporaryPassword>;
