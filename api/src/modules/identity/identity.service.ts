import { desc, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { identityReveals, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { decryptPii, encryptPii } from '../../lib/pii';
import { audit } from '../audit/audit.service';
import { recordTipHistory } from '../tips/tip-history';
import { getTip } from '../tips/tips.service';
import { isRevealable } from './identity.policy';
import { presentOwnIdentity, presentReveal, presentRevealedIdentity } from './identity.presenter';
import type { RevealInput, UpdateIdentity } from '@hy/schemas/identity';

type UserRow = typeof users.$inferSelect;

const decrypted = (u: UserRow) => ({
  realName: u.realNameEnc ? decryptPii(u.realNameEnc) : null,
  idNumber: u.idNumberEnc ? decryptPii(u.idNumberEnc) : null,
});

async function getUserRow(id: string): Promise<UserRow> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw notFound('User');
  return user;
}

export async function getOwnIdentity(actor: Actor) {
  const pii = decrypted(await getUserRow(actor.id));
  return presentOwnIdentity(pii.realName, pii.idNumber);
}

/** Real name and ID number are stored only encrypted (lib/pii); the audit notes which, never the value. */
export async function updateOwnIdentity(actor: Actor, input: UpdateIdentity) {
  const changes: Partial<Pick<UserRow, 'realNameEnc' | 'idNumberEnc'>> = {};
  if (input.realName !== undefined) changes.realNameEnc = input.realName === null ? null : encryptPii(input.realName);
  if (input.idNumber !== undefined) changes.idNumberEnc = input.idNumber === null ? null : encryptPii(input.idNumber);
  const user = await db.transaction(async (tx) => {
    const [updated] = await tx.update(users).set(changes).where(eq(users.id, actor.id)).returning();
    if (!updated) throw notFound('User');
    await audit(tx, {
      actor,
      action: 'identity.updated',
      entityType: 'user',
      entityId: actor.id,
      details: { fields: Object.keys(changes) },
    });
    return updated;
  });
  const pii = decrypted(user);
  return presentOwnIdentity(pii.realName, pii.idNumber);
}

/**
 * A supervisor learns who reported a tip of their district, for this tip only and with a written
 * reason. The reveal, the audit record and the entry in the reporter's own timeline commit together.
 */
export async function revealReporter(actor: Actor, tipId: string, input: RevealInput) {
  const tip = await getTip(actor, tipId);
  if (!isRevealable(tip)) throw new AppError('ANONYMOUS_TIP', 'This tip was submitted anonymously: its tipster cannot be revealed');
  const reporter = await getUserRow(tip.reporterId!);
  const reveal = await db.transaction(async (tx) => {
    const [row] = await tx.insert(identityReveals).values({ tipId: tip.id, supervisorId: actor.id, reason: input.reason }).returning();
    await audit(tx, {
      actor,
      action: 'identity.revealed',
      entityType: 'tip',
      entityId: tip.id,
      details: { revealId: row.id, reporterId: reporter.id, reason: input.reason },
    });
    await recordTipHistory(tx, {
      tipId: tip.id,
      kind: 'reveal',
      note: input.reason,
      isVisibleToReporter: true,
      actorId: actor.id,
      actorRole: actor.role,
      details: { revealId: row.id },
    });
    return row;
  });
  return { identity: presentRevealedIdentity(reporter, decrypted(reporter)), reveal: presentReveal(reveal) };
}

/** Earlier reveals of a tip (who and why, not the identity itself), for the supervisor's dialog. */
export async function listReveals(actor: Actor, tipId: string) {
  const tip = await getTip(actor, tipId);
  const rows = await db.select().from(identityReveals).where(eq(identityReveals.tipId, tip.id)).orderBy(desc(identityReveals.createdAt));
  return { isRevealable: isRevealable(tip), reveals: rows.map(presentReveal) };
}
