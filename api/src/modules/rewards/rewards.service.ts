import { and, asc, desc, eq, gt, lt, or, sql } from 'drizzle-orm';
import { db, type DbOrTx, type Tx } from '../../db/client';
import { communities, redemptions, rewards, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, forbidden, notFound, validationError } from '../../http/errors';
import { decodeCursor, encodeCursor, TimeIdCursor } from '../../lib/cursor';
import { audit } from '../audit/audit.service';
import { once, requestHash, type Replay } from '../idempotency/idempotency.service';
import { managedCommunities } from '../organizer/organizer.policy';
import { applyPoints } from '../points/points.service';
import { isOffered, offeredNow, rewardsOfferedTo } from './rewards.policy';
import {
  presentMyRedemption,
  presentRedemptionForManager,
  presentReward,
  presentRewardForManager,
} from './rewards.presenter';
import type { CreateReward, DecideRedemption, MyRedemptionsPage, MyRedemptionsQuery, Redeemed, RedemptionQueuePage, RedemptionsQuery, RewardList, UpdateReward } from '@hy/schemas/rewards';

type RewardRow = typeof rewards.$inferSelect;

const rewardName = { id: rewards.id, nameZh: rewards.nameZh, nameEn: rewards.nameEn };

/** May the manager edit this reward? Admins: all; organizers: their communities' (city-wide ones are the admins'). */
async function canEditReward(actor: Actor, r: RewardRow, tx: DbOrTx = db): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (r.communityId === null) return false;
  const [hit] = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(and(eq(communities.id, r.communityId), managedCommunities(actor, communities.id)));
  return Boolean(hit);
}

/** Volunteers: what they can redeem now. Managers: everything they see, switched off and expired included. */
export async function listRewards(actor: Actor): Promise<RewardList> {
  if (actor.role === 'volunteer') {
    const rows = await db
      .select()
      .from(rewards)
      .where(and(rewardsOfferedTo(actor.communityId), offeredNow()))
      .orderBy(asc(rewards.cost), asc(rewards.id));
    return { rewards: rows.map(presentReward) };
  }
  const rows = await db
    .select()
    .from(rewards)
    .where(actor.role === 'admin' ? undefined : or(sql`${rewards.communityId} IS NULL`, managedCommunities(actor, rewards.communityId)))
    .orderBy(asc(rewards.cost), asc(rewards.id));
  return { rewards: await Promise.all(rows.map(async (r) => presentRewardForManager(r, await canEditReward(actor, r)))) };
}

/** Which community a new reward belongs to: the organizer's own, or one they manage; admins may leave it city-wide. */
async function communityForNewReward(actor: Actor, requested: number | null | undefined): Promise<number | null> {
  if (actor.role === 'admin') {
    if (requested === undefined || requested === null) return null;
    const [c] = await db.select({ id: communities.id }).from(communities).where(eq(communities.id, requested));
    if (!c) throw validationError([{ field: 'communityId', message: 'no such community' }]);
    return c.id;
  }
  const wanted = requested ?? actor.communityId;
  if (wanted === null || wanted === undefined)
    throw validationError([{ field: 'communityId', message: 'choose one of your communities' }]);
  const [c] = await db
    .select({ id: communities.id })
    .from(communities)
    .where(and(eq(communities.id, wanted), managedCommunities(actor, communities.id)));
  if (!c) throw forbidden('You can offer rewards only to communities you organise');
  return c.id;
}

export async function createReward(actor: Actor, input: CreateReward) {
  const communityId = await communityForNewReward(actor, input.communityId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rewards)
      .values({ ...input, communityId, createdById: actor.id })
      .returning();
    await audit(tx, { actor, action: 'reward.create', entityType: 'reward', entityId: row.id, details: { cost: row.cost, stock: row.stock, communityId } });
    return presentRewardForManager(row, true);
  });
}

export async function updateReward(actor: Actor, id: string, input: UpdateReward) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(rewards)
      .where(and(eq(rewards.id, id), actor.role === 'admin' ? undefined : or(sql`${rewards.communityId} IS NULL`, managedCommunities(actor, rewards.communityId))))
      .for('update');
    if (!current) throw notFound('Reward');
    if (!(await canEditReward(actor, current, tx))) throw forbidden('City-wide rewards are managed by administrators');
    const merged = { ...current, ...input };
    if (merged.activeFrom && merged.activeUntil && merged.activeFrom >= merged.activeUntil)
      throw validationError([{ field: 'activeUntil', message: 'must be after activeFrom' }]);
    const [row] = await tx.update(rewards).set(input).where(eq(rewards.id, id)).returning();
    await audit(tx, {
      actor,
      action: 'reward.update',
      entityType: 'reward',
      entityId: id,
      details: { changed: Object.keys(input) },
    });
    return presentRewardForManager(row, true);
  });
}

const outOfStock = () => new AppError('OUT_OF_STOCK', 'This reward is out of stock', { reason: 'out_of_stock' });

/**
 * Redeems one unit. The volunteer's row is locked first (parallel clicks queue up behind it and
 * then see the debited balance), the stock is taken by a conditional UPDATE (never below zero,
 * whoever else is redeeming), and the debit goes through applyPoints, which refuses a balance
 * that cannot cover it. Any refusal rolls the whole transaction back: nothing half-written.
 */
export async function redeemReward(opts: { actor: Actor; rewardId: string; idempotencyKey: string | undefined }): Promise<Replay> {
  const { actor, rewardId } = opts;
  return once({ scope: { userId: actor.id }, key: opts.idempotencyKey, hash: requestHash({ redeem: rewardId }) }, async (tx) => {
    const [me] = await tx
      .select({ balance: users.pointsBalance, communityId: users.communityId })
      .from(users)
      .where(eq(users.id, actor.id))
      .for('update');
    if (!me) throw notFound('User');
    const [reward] = await tx
      .select()
      .from(rewards)
      .where(and(eq(rewards.id, rewardId), rewardsOfferedTo(me.communityId)));
    if (!reward) throw notFound('Reward');
    if (!isOffered(reward)) throw new AppError('REWARD_INACTIVE', 'This reward is not on offer right now', { reason: 'inactive' });
    if (reward.stock <= 0) throw outOfStock();
    if (me.balance < reward.cost)
      throw new AppError('NOT_ENOUGH_POINTS', `Not enough points: ${reward.cost} needed, ${me.balance} available`, {
        reason: 'insufficient_points',
        balance: me.balance,
        needed: reward.cost,
      });
    const [taken] = await tx
      .update(rewards)
      .set({ stock: sql`${rewards.stock} - 1` })
      .where(and(eq(rewards.id, rewardId), gt(rewards.stock, 0)))
      .returning({ id: rewards.id });
    if (!taken) throw outOfStock();
    const [redemption] = await tx
      .insert(redemptions)
      .values({ rewardId, userId: actor.id, communityId: me.communityId, cost: reward.cost })
      .returning();
    await applyPoints(tx, { userId: actor.id, reason: 'redemption', delta: -reward.cost, redemptionId: redemption.id, actorId: actor.id });
    const body: Redeemed = {
      redemption: presentMyRedemption({ redemption, reward: { id: reward.id, nameZh: reward.nameZh, nameEn: reward.nameEn } }),
      balance: me.balance - reward.cost,
    };
    return { status: 201, body };
  });
}

export async function listMyRedemptions(actor: Actor, q: MyRedemptionsQuery): Promise<MyRedemptionsPage> {
  const cursor = decodeCursor(TimeIdCursor, q.cursor);
  const at = cursor ? new Date(cursor.t) : undefined;
  const rows = await db
    .select({ redemption: redemptions, reward: rewardName })
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .where(
      and(
        eq(redemptions.userId, actor.id),
        cursor && at ? or(lt(redemptions.createdAt, at), and(eq(redemptions.createdAt, at), lt(redemptions.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, presentMyRedemption);
}

/** The organizer's queue (oldest first), within the communities they organise. */
export async function listRedemptions(actor: Actor, q: RedemptionsQuery): Promise<RedemptionQueuePage> {
  const cursor = decodeCursor(TimeIdCursor, q.cursor);
  const at = cursor ? new Date(cursor.t) : undefined;
  const rows = await db
    .select({
      redemption: redemptions,
      reward: rewardName,
      volunteer: { displayName: users.displayName },
      community: { id: communities.id, nameZh: communities.nameZh, nameEn: communities.nameEn },
    })
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .innerJoin(users, eq(users.id, redemptions.userId))
    .leftJoin(communities, eq(communities.id, redemptions.communityId))
    .where(
      and(
        managedCommunities(actor, redemptions.communityId),
        q.status ? eq(redemptions.status, q.status) : undefined,
        q.communityId ? eq(redemptions.communityId, q.communityId) : undefined,
        cursor && at ? or(gt(redemptions.createdAt, at), and(eq(redemptions.createdAt, at), gt(redemptions.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(asc(redemptions.createdAt), asc(redemptions.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, presentRedemptionForManager);
}

function page<R extends { redemption: { id: string; createdAt: Date } }, P>(rows: R[], limit: number, present: (r: R) => P) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    redemptions: items.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.redemption.createdAt.toISOString(), id: last.redemption.id }) : null,
  };
}

/**
 * Fulfils or rejects a pending redemption of a community the caller organises. The status moves
 * once (a second decision is 409); a rejection refunds the points — exactly once, keyed by the
 * redemption — and puts the unit back in stock.
 */
export async function decideRedemption(opts: {
  actor: Actor;
  id: string;
  decision: 'fulfilled' | 'rejected';
  input: DecideRedemption;
}) {
  const { actor, id, decision, input } = opts;
  return db.transaction(async (tx: Tx) => {
    const [current] = await tx
      .select()
      .from(redemptions)
      .where(and(eq(redemptions.id, id), managedCommunities(actor, redemptions.communityId)))
      .for('update');
    if (!current) throw notFound('Redemption');
    if (current.status !== 'pending') throw new AppError('REDEMPTION_DONE', `This redemption was already ${current.status}`, { status: current.status });
    const [row] = await tx
      .update(redemptions)
      .set({ status: decision, decidedById: actor.id, decidedAt: new Date(), note: input.note ?? null })
      .where(and(eq(redemptions.id, id), eq(redemptions.status, 'pending')))
      .returning();
    if (decision === 'rejected') {
      await applyPoints(tx, { userId: row.userId, reason: 'redemption_refund', delta: row.cost, redemptionId: row.id, actorId: actor.id });
      await tx.update(rewards).set({ stock: sql`${rewards.stock} + 1` }).where(eq(rewards.id, row.rewardId));
    }
    await audit(tx, {
      actor,
      action: decision === 'fulfilled' ? 'redemption.fulfil' : 'redemption.reject',
      entityType: 'redemption',
      entityId: id,
      details: { cost: row.cost, communityId: row.communityId },
    });
    const [reward] = await tx.select(rewardName).from(rewards).where(eq(rewards.id, row.rewardId));
    return presentMyRedemption({ redemption: row, reward });
  });
}
