import { and, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '../../db/client';
import { campaignParticipants, campaigns } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { presentCampaign } from './campaigns.presenter';
import { findCampaign } from './listing';

/** The campaign row, locked: joins and leaves of one campaign go one at a time, so joined_count stays exact. */
async function lockCampaign(tx: Tx, id: string) {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  if (!campaign) throw notFound('Campaign');
  return campaign;
}

const findParticipation = (tx: Tx, campaignId: string, userId: string) =>
  tx
    .select()
    .from(campaignParticipants)
    .where(and(eq(campaignParticipants.campaignId, campaignId), eq(campaignParticipants.userId, userId)))
    .then((rows) => rows[0] ?? null);

async function presentAfter(tx: Tx, actor: Actor, id: string, now: Date) {
  const row = await findCampaign(tx, actor, id);
  return presentCampaign(row!, now);
}

/** Idempotent: joining again changes nothing. 409 FULL at capacity, 409 CAMPAIGN_ENDED once over. */
export async function joinCampaign(actor: Actor, id: string) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, id);
    if (await findParticipation(tx, id, actor.id)) return presentAfter(tx, actor, id, now);
    if (now.getTime() >= campaign.endsAt.getTime()) throw new AppError('CAMPAIGN_ENDED', 'This campaign has ended');
    if (campaign.capacity !== null && campaign.joinedCount >= campaign.capacity)
      throw new AppError('FULL', 'This campaign is full', { capacity: campaign.capacity });
    await tx.insert(campaignParticipants).values({ campaignId: id, userId: actor.id, joinedAt: now });
    await tx
      .update(campaigns)
      .set({ joinedCount: sql`${campaigns.joinedCount} + 1` })
      .where(eq(campaigns.id, id));
    return presentAfter(tx, actor, id, now);
  });
}

/** Idempotent: leaving when not joined changes nothing. Not once checked in (check out instead), not once over. */
export async function leaveCampaign(actor: Actor, id: string) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, id);
    if (now.getTime() >= campaign.endsAt.getTime()) throw new AppError('CAMPAIGN_ENDED', 'This campaign has ended');
    const participation = await findParticipation(tx, id, actor.id);
    if (!participation) return presentAfter(tx, actor, id, now);
    if (participation.checkedInAt) throw new AppError('ALREADY_CHECKED_IN', 'You have checked in: check out instead of leaving');
    await tx.delete(campaignParticipants).where(and(eq(campaignParticipants.campaignId, id), eq(campaignParticipants.userId, actor.id)));
    await tx
      .update(campaigns)
      .set({ joinedCount: sql`${campaigns.joinedCount} - 1` })
      .where(eq(campaigns.id, id));
    return presentAfter(tx, actor, id, now);
  });
}
