import type { DbOrTx } from '../../db/client';
import type { Role } from '../../http/actor';
import { validationError } from '../../http/errors';
import { defaultUnitOf, districtExistsIn, findCommunity } from '../reference/places';
import { PLACEMENT } from './accounts.policy';

export type Placement = { districtId: number | null; communityId: number | null; unitId: number | null };

/**
 * Where an account of `role` ends up, from what the request gives (`undefined` = not given) and
 * what the account had: a field the role cannot have must not be given (400), a field it needs
 * must be given or kept; a community decides the district, so a different district given with it
 * is a contradiction (400). Police get their district's unit.
 */
export async function resolvePlacement(
  tx: DbOrTx,
  role: Role,
  given: { districtId?: number | null; communityId?: number | null },
  current: Placement & { role: Role | null },
): Promise<Placement> {
  const fail = (field: string, message: string) =>
    validationError([{ field, message }], 'The district or community does not fit the role');
  const kind = PLACEMENT[role];
  const roleChanged = current.role !== role;
  // A field the new role cannot have is dropped when it was only inherited, refused when given.
  if (kind === 'city') {
    if (given.districtId != null) throw fail('districtId', `must be empty for the ${role} role`);
    if (given.communityId != null) throw fail('communityId', `must be empty for the ${role} role`);
    return { districtId: null, communityId: null, unitId: null };
  }
  if (kind === 'district') {
    if (given.communityId != null) throw fail('communityId', `must be empty for the ${role} role`);
    const districtId = given.districtId !== undefined ? given.districtId : current.districtId;
    if (districtId === null) throw fail('districtId', `is required for the ${role} role`);
    if (!(await districtExistsIn(tx, districtId))) throw fail('districtId', 'no such district');
    const keepsUnit = !roleChanged && districtId === current.districtId && current.unitId !== null;
    return { districtId, communityId: null, unitId: keepsUnit ? current.unitId : await defaultUnitOf(tx, districtId) };
  }
  const inherited = roleChanged && PLACEMENT[current.role ?? 'admin'] === 'district' ? null : current.communityId;
  const districtMoved = given.districtId !== undefined && given.districtId !== current.districtId;
  const communityId = given.communityId !== undefined ? given.communityId : districtMoved ? null : inherited;
  if (communityId === null) {
    if (kind === 'community') throw fail('communityId', `is required for the ${role} role`);
    const districtId = given.districtId !== undefined ? given.districtId : current.districtId;
    if (districtId === null) throw fail('districtId', `is required for the ${role} role without a community`);
    if (!(await districtExistsIn(tx, districtId))) throw fail('districtId', 'no such district');
    return { districtId, communityId: null, unitId: null };
  }
  const community = await findCommunity(tx, communityId);
  if (!community) throw fail('communityId', 'no such community');
  if (given.districtId != null && given.districtId !== community.districtId)
    throw fail('districtId', 'must be the district of the community (or left out)');
  return { districtId: community.districtId, communityId: community.id, unitId: null };
}
