import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { campaigns, communities, districts } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden, validationError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { audit } from '../audit/audit.service';
import { canPostFor } from './campaigns.policy';
import { presentCampaign } from './campaigns.presenter';
import type { CreateCampaign } from '@hy/schemas/campaigns';
import { findCampaign } from './listing';

/** Where a new campaign belongs: the community named, or the poster's own place. */
async function placeFor(actor: Actor, input: CreateCampaign): Promise<{ districtId: number; communityId: number | null }> {
  if (input.communityId !== undefined) {
    const [community] = await db.select({ districtId: communities.districtId }).from(communities).where(eq(communities.id, input.communityId));
    if (!community) throw validationError([{ field: 'communityId', message: 'is not a known community' }]);
    if (input.districtId !== undefined && input.districtId !== community.districtId)
      throw validationError([{ field: 'districtId', message: 'is not the district of communityId' }]);
    return { districtId: community.districtId, communityId: input.communityId };
  }
  if (input.districtId !== undefined) {
    const [district] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, input.districtId));
    if (!district) throw validationError([{ field: 'districtId', message: 'is not a known district' }]);
    return { districtId: input.districtId, communityId: null };
  }
  if (actor.role === 'organizer' && actor.communityId !== null) {
    const [community] = await db.select({ districtId: communities.districtId }).from(communities).where(eq(communities.id, actor.communityId));
    if (community) return { districtId: community.districtId, communityId: actor.communityId };
  }
  if (actor.districtId !== null) return { districtId: actor.districtId, communityId: null };
  throw validationError([{ field: 'communityId', message: 'is required (or districtId)' }]);
}

export async function postCampaign(actor: Actor, input: CreateCampaign) {
  const now = clock.now();
  if (input.endsAt.getTime() <= now.getTime()) throw validationError([{ field: 'endsAt', message: 'must be in the future' }]);
  const place = await placeFor(actor, input);
  if (!canPostFor(actor, place)) throw forbidden('You may post campaigns only for your own community or district');
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(campaigns)
      .values({
        title: input.title,
        kind: input.kind,
        description: input.description,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        lat: input.lat,
        lng: input.lng,
        radiusM: input.radiusM,
        address: input.address,
        districtId: place.districtId,
        communityId: place.communityId,
        capacity: input.capacity ?? null,
        points: input.points,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning({ id: campaigns.id });
    await audit(tx, {
      actor,
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: created.id,
      details: { districtId: place.districtId, communityId: place.communityId, points: input.points, capacity: input.capacity ?? null },
    });
    const row = await findCampaign(tx, actor, created.id);
    return presentCampaign(row!, now);
  });
}
