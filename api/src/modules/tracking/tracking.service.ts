import { and, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { tips } from '../../db/schema/index';
import { AppError } from '../../http/errors';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { readThread, writeMessage } from '../messages/messages.service';
import { loadBundles } from '../tips/tips.service';
import { presentTip } from '../tips/tips.presenter';
import type { TrackInput, TrackMessageInput } from '@hy/schemas/tracking';

type TipRow = typeof tips.$inferSelect;

/** One answer for every wrong pair: an unknown reference and a wrong code must look alike. */
const noSuchTip = () => new AppError('NOT_FOUND', 'No tip matches this reference and access code');

/**
 * Verified against when the reference is unknown (or not anonymous), so that answer takes as long
 * as a wrong code: the time of the response must not tell which half of the pair was wrong.
 */
let dummyHash: Promise<string> | undefined;
export function warmTracking(): void {
  dummyHash ??= hashPassword('00000-00000-00000-00000');
}

/**
 * The anonymous tip behind a reference and access code. argon2 verification compares the
 * derived hash in constant time, and runs whether or not the reference exists.
 */
async function findTrackedTip(input: TrackInput): Promise<TipRow> {
  warmTracking();
  const [tip] = await db
    .select()
    .from(tips)
    .where(and(eq(tips.reference, input.reference), eq(tips.isAnonymous, true)));
  const hash = tip?.accessCodeHash ?? (await dummyHash!);
  const isMatch = await verifyPassword(hash, input.accessCode);
  if (!tip?.accessCodeHash || !isMatch) throw noSuchTip();
  return tip;
}

/** The tipster's view: the tip as its reporter sees it (status history) and the thread. */
export async function trackTip(input: TrackInput) {
  const tip = await findTrackedTip(input);
  const [bundle] = await loadBundles(db, [tip]);
  const thread = await readThread(tip, 'reporter');
  return { tip: presentTip(bundle, 'reporter'), messages: thread.messages, unread: thread.unread };
}

export async function postTrackedMessage(input: TrackMessageInput) {
  const tip = await findTrackedTip(input);
  return writeMessage({ tip, side: 'reporter', author: null, body: input.body });
}
