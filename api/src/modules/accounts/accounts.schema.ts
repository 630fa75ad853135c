import { z } from 'zod';
import { roleEnum } from '../../db/schema/users';
import { DisplayName, Phone } from '../auth/auth.schema';

const ROLES = roleEnum.enumValues;
/** Every role but volunteer: volunteers register themselves. */
const STAFF_ROLES = ['officer', 'supervisor', 'organizer', 'auxiliary', 'admin'] as const;

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
