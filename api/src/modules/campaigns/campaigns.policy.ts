import { isPolice, type Actor } from '../../http/actor';

type Place = { districtId: number; communityId: number | null };
type Posted = Place & { createdBy: string };

/**
 * Who may post a campaign for a place: an organizer for their own community (a district
 * organizer, without a community, anywhere in their district), police for their own district,
 * admins anywhere.
 */
export function canPostFor(actor: Actor, place: Place): boolean {
  if (actor.role === 'admin') return true;
  if (isPolice(actor)) return actor.districtId === place.districtId;
  if (actor.role !== 'organizer') return false;
  if (actor.communityId !== null) return place.communityId === actor.communityId;
  return actor.districtId === place.districtId;
}

/** Who sees who attended: the creator, whoever could have posted it (organizer, police of its district), admins. */
export const canSeeAttendance = (actor: Actor, campaign: Posted) => campaign.createdBy === actor.id || canPostFor(actor, campaign);

export const canAttend = (actor: Actor) => actor.role === 'volunteer';
