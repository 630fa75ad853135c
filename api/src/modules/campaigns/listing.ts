import { and, asc, desc, eq, gt, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type DbOrTx } from '../../db/client';
import { campaignParticipants, campaigns, communities, districts, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { decodeCursor, encodeCursor, TimeIdCursor } from '../../lib/cursor';
import { presentCampaign, type CampaignRow } from './campaigns.presenter';
import type { Campaign, CampaignsPage, CampaignsQuery, CampaignStatus } from '@hy/schemas/campaigns';

const mine = alias(campaignParticipants, 'mine');

/** Campaigns with their place names, creator and the caller's own participation, in one query. */
function selectCampaigns(tx: DbOrTx, actor: Actor) {
  return tx
    .select({
      campaign: campaigns,
      community: { id: communities.id, nameZh: communities.nameZh, nameEn: communities.nameEn },
      district: { id: districts.id, nameZh: districts.nameZh, nameEn: districts.nameEn },
      creator: { displayName: users.displayName },
      mine,
    })
    .from(campaigns)
    .innerJoin(districts, eq(districts.id, campaigns.districtId))
    .innerJoin(users, eq(users.id, campaigns.createdBy))
    .leftJoin(communities, eq(communities.id, campaigns.communityId))
    .leftJoin(mine, and(eq(mine.campaignId, campaigns.id), eq(mine.userId, actor.id)));
}

/** Any signed-in user may see any campaign: they are public calls to take part. */
export async function findCampaign(tx: DbOrTx, actor: Actor, id: string): Promise<CampaignRow | null> {
  const [row] = await selectCampaigns(tx, actor).where(eq(campaigns.id, id));
  return row ?? null;
}

export async function getCampaign(actor: Actor, id: string): Promise<Campaign> {
  const row = await findCampaign(db, actor, id);
  if (!row) throw notFound('Campaign');
  return presentCampaign(row, clock.now());
}

function statusWhere(status: CampaignStatus, now: Date): SQL {
  if (status === 'upcoming') return gt(campaigns.startsAt, now);
  if (status === 'past') return lte(campaigns.endsAt, now);
  return and(lte(campaigns.startsAt, now), gt(campaigns.endsAt, now))!;
}

/**
 * Keyset-paged by start time: soonest first, or most recent first when only past campaigns are
 * asked for. A volunteer without a filter sees their own district (what is on near them).
 */
export async function listCampaigns(actor: Actor, q: CampaignsQuery): Promise<CampaignsPage> {
  const now = clock.now();
  const cursor = decodeCursor(TimeIdCursor, q.cursor);
  const isNewestFirst = q.status.length === 1 && q.status[0] === 'past';
  const districtId = q.districtId ?? (q.communityId === undefined && !q.mine && actor.role === 'volunteer' ? actor.districtId : null);
  const after = cursor
    ? isNewestFirst
      ? or(lt(campaigns.startsAt, new Date(cursor.t)), and(eq(campaigns.startsAt, new Date(cursor.t)), lt(campaigns.id, cursor.id)))
      : or(gt(campaigns.startsAt, new Date(cursor.t)), and(eq(campaigns.startsAt, new Date(cursor.t)), gt(campaigns.id, cursor.id)))
    : undefined;
  const rows = await selectCampaigns(db, actor)
    .where(
      and(
        or(...q.status.map((s) => statusWhere(s, now))),
        q.communityId === undefined ? undefined : eq(campaigns.communityId, q.communityId),
        districtId === null ? undefined : eq(campaigns.districtId, districtId),
        q.mine ? sql`${mine.userId} IS NOT NULL` : undefined,
        after,
      ),
    )
    .orderBy(...(isNewestFirst ? [desc(campaigns.startsAt), desc(campaigns.id)] : [asc(campaigns.startsAt), asc(campaigns.id)]))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1)?.campaign;
  return {
    campaigns: page.map((r) => presentCampaign(r, now)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.startsAt.toISOString(), id: last.id }) : null,
  };
}
