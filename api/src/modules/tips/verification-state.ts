import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { tips } from '../../db/schema/index';

export type TipVerificationStatus = NonNullable<(typeof tips.$inferSelect)['verificationStatus']>;

/**
 * The tip's copy of its latest on-site check (the queue filters and shows it without a join).
 * Only the verifications module calls this, in the transaction that opens or reports the task,
 * after locking the tip.
 */
export async function setVerificationState(
  tx: Tx,
  o: { tipId: string; status: TipVerificationStatus; dueAt: Date },
): Promise<{ districtId: number }> {
  const [row] = await tx
    .update(tips)
    .set({ verificationStatus: o.status, verificationDueAt: o.dueAt })
    .where(eq(tips.id, o.tipId))
    .returning({ districtId: tips.districtId });
  return row;
}

/** What police see of a tip's latest check: pending (open, not yet due), overdue, or reported. */
export type VerificationState = 'pending' | 'overdue' | 'reported';

export function verificationStateOf(
  t: { verificationStatus: TipVerificationStatus | null; verificationDueAt: Date | null },
  now: Date,
): { state: VerificationState; dueAt: Date | null } | null {
  if (t.verificationStatus === null) return null;
  if (t.verificationStatus === 'reported') return { state: 'reported', dueAt: t.verificationDueAt };
  const isOverdue = t.verificationDueAt !== null && t.verificationDueAt.getTime() <= now.getTime();
  return { state: isOverdue ? 'overdue' : 'pending', dueAt: t.verificationDueAt };
}
