import { and, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '../../db/client';
import { campaignParticipants, campaigns } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { applyPoints } from '../points/points.service';
import { CAMPAIGN_RULES } from '@hy/schemas/campaign-rules';
import { minutesAttended, presentParticipation } from './campaigns.presenter';
import type { CheckedIn, CheckedOut, PositionFix } from '@hy/schemas/campaigns';
import { metresBetween } from './geo';

type Campaign = typeof campaigns.$inferSelect;

/** The campaign and the caller's participation, locked: check-ins and check-outs of one volunteer go one at a time. */
async function lockParticipation(tx: Tx, actor: Actor, id: string) {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
  if (!campaign) throw notFound('Campaign');
  const [participation] = await tx
    .select()
    .from(campaignParticipants)
    .where(and(eq(campaignParticipants.campaignId, id), eq(campaignParticipants.userId, actor.id)))
    .for('update');
  if (!participation) throw new AppError('NOT_JOINED', 'Join this campaign first');
  return { campaign, participation };
}

function assertInWindow(campaign: Campaign, now: Date): void {
  const opensAt = new Date(campaign.startsAt.getTime() - CAMPAIGN_RULES.checkInOpensBeforeMs);
  if (now < opensAt || now > campaign.endsAt)
    throw new AppError('OUT_OF_TIME', `Check-in is open from ${opensAt.toISOString()} to ${campaign.endsAt.toISOString()}`, {
      opensAt,
      endsAt: campaign.endsAt,
    });
}

/** Inside the radius, widened by the reported accuracy up to maxAccuracySlackM; returns the distance. */
function assertOnSite(campaign: Campaign, fix: PositionFix): number {
  if (fix.accuracyM > CAMPAIGN_RULES.maxAccuracyM)
    throw new AppError(
      'POOR_ACCURACY',
      `Your location is only accurate to ${Math.round(fix.accuracyM)} m (at most ${CAMPAIGN_RULES.maxAccuracyM} m is accepted): step outside or wait for GPS, then try again`,
      { accuracyM: fix.accuracyM, maxAccuracyM: CAMPAIGN_RULES.maxAccuracyM },
    );
  const distanceM = metresBetween(fix, campaign);
  const allowedM = campaign.radiusM + Math.min(fix.accuracyM, CAMPAIGN_RULES.maxAccuracySlackM);
  if (distanceM > allowedM)
    throw new AppError('OUT_OF_AREA', `You are ${Math.round(distanceM)} m from the meeting place (at most ${Math.round(allowedM)} m)`, {
      distanceM: Math.round(distanceM),
      allowedM: Math.round(allowedM),
    });
  return distanceM;
}

/**
 * Plausible movement: from the volunteer's latest position fix (a check-in or check-out of any
 * campaign) to this one, no faster than maxSpeedKmh, allowing movementSlackM for GPS error.
 */
async function assertPlausibleMove(tx: Tx, actor: Actor, fix: PositionFix, now: Date): Promise<void> {
  const { rows } = await tx.execute<{ lat: number; lng: number; at: string }>(sql`
    SELECT lat, lng, at FROM (
      (SELECT check_in_lat AS lat, check_in_lng AS lng, checked_in_at AS at FROM campaign_participants
        WHERE user_id = ${actor.id} AND checked_in_at IS NOT NULL AND checked_in_at <= ${now} ORDER BY checked_in_at DESC LIMIT 1)
      UNION ALL
      (SELECT check_out_lat, check_out_lng, checked_out_at FROM campaign_participants
        WHERE user_id = ${actor.id} AND checked_out_at IS NOT NULL AND checked_out_at <= ${now} ORDER BY checked_out_at DESC LIMIT 1)
    ) fixes ORDER BY at DESC LIMIT 1`);
  const last = rows[0];
  if (!last) return;
  const elapsedMs = Math.max(0, now.getTime() - new Date(last.at).getTime());
  const distanceM = metresBetween(fix, { lat: Number(last.lat), lng: Number(last.lng) });
  const reachableM = CAMPAIGN_RULES.movementSlackM + (CAMPAIGN_RULES.maxSpeedKmh / 3.6) * (elapsedMs / 1000);
  if (distanceM > reachableM)
    throw new AppError('IMPLAUSIBLE_MOVEMENT', `This position is ${Math.round(distanceM / 1000)} km from your last check-in ${Math.round(elapsedMs / 60_000)} minutes ago`, {
      distanceM: Math.round(distanceM),
      minutesSince: Math.round(elapsedMs / 60_000),
      maxSpeedKmh: CAMPAIGN_RULES.maxSpeedKmh,
    });
}

/**
 * 201 on the first check-in; a repeated one (a retry) answers 200 with the check-in already
 * recorded. The rules, in order: joined, not checked out, time window, accuracy, area, movement.
 */
export async function checkIn(actor: Actor, id: string, fix: PositionFix): Promise<{ status: 200 | 201; body: CheckedIn }> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { campaign, participation } = await lockParticipation(tx, actor, id);
    if (participation.checkedOutAt) throw new AppError('ALREADY_CHECKED_OUT', 'You have already checked out of this campaign');
    if (participation.checkedInAt)
      return { status: 200 as const, body: { attendance: presentParticipation(campaign, participation, now), distanceM: participation.checkInDistanceM } };
    assertInWindow(campaign, now);
    const distanceM = Math.round(assertOnSite(campaign, fix));
    await assertPlausibleMove(tx, actor, fix, now);
    const [updated] = await tx
      .update(campaignParticipants)
      .set({ checkedInAt: now, checkInLat: fix.lat, checkInLng: fix.lng, checkInAccuracyM: fix.accuracyM, checkInDistanceM: distanceM })
      .where(and(eq(campaignParticipants.campaignId, id), eq(campaignParticipants.userId, actor.id)))
      .returning();
    return { status: 201 as const, body: { attendance: presentParticipation(campaign, updated, now), distanceM } };
  });
}

/**
 * Once per volunteer and campaign (a second check-out is 409). Minutes run from check-in (at the
 * earliest the start) to now (at the latest the end); at least minMinutesForPoints earns the
 * campaign's points through the points module, in this transaction, within the daily cap.
 */
export async function checkOut(actor: Actor, id: string, fix: PositionFix): Promise<CheckedOut> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { campaign, participation } = await lockParticipation(tx, actor, id);
    if (!participation.checkedInAt) throw new AppError('NOT_CHECKED_IN', 'Check in before checking out');
    if (participation.checkedOutAt) throw new AppError('ALREADY_CHECKED_OUT', 'You have already checked out of this campaign');
    const minutes = minutesAttended(campaign, participation.checkedInAt, now);
    const isDue = minutes >= CAMPAIGN_RULES.minMinutesForPoints && campaign.points > 0;
    const outcome = isDue
      ? await applyPoints(tx, { userId: actor.id, reason: 'campaign', delta: campaign.points, campaignId: campaign.id })
      : { delta: 0 };
    const [updated] = await tx
      .update(campaignParticipants)
      .set({ checkedOutAt: now, checkOutLat: fix.lat, checkOutLng: fix.lng, minutes, pointsAwarded: outcome.delta })
      .where(and(eq(campaignParticipants.campaignId, id), eq(campaignParticipants.userId, actor.id)))
      .returning();
    return { minutes, pointsAwarded: outcome.delta, attendance: presentParticipation(campaign, updated, now) };
  });
}
