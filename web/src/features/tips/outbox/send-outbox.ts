import { isApiError } from '../../../lib/api-error';
import { queryClient } from '../../../lib/query-client';
import { getSessionState } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import { createTip, type CreateTipInput } from '../api/create-tip';
import { listOutbox, refreshPendingFlag, updateOutboxTip, type OutboxTip } from './outbox-db';

/** The server did not store the tip after these answers: retrying the same request cannot succeed. */
const REFUSED_STATUSES = new Set([400, 403, 404, 413, 415, 422]);
const PROOF_FIELD = 'X-Altcha';

type Outcome = 'sent' | 'refused' | 'later' | 'offline';

let inFlight: Promise<void> | null = null;

/**
 * Sends every waiting tip the current session may send, oldest first. Safe to call at any time
 * and as often as wanted (on start, `online`, Background Sync, a button): one round at a time in
 * this tab, one tab at a time (a Web Lock), and each tip always with its own Idempotency-Key, so a
 * tip whose answer was lost on the way back is replayed by the server, never created twice.
 */
export function flushOutbox(): Promise<void> {
  inFlight ??= acrossTabs(sendWaiting)
    .catch(() => undefined)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

async function acrossTabs(run: () => Promise<void>): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.locks) return run();
  await navigator.locks.request('hy-outbox-send', run);
}

async function sendWaiting(): Promise<void> {
  if (navigator.onLine === false) return;
  let hasSent = false;
  for (const tip of await listOutbox()) {
    if (tip.status !== 'waiting') continue;
    const outcome = await sendOne(tip);
    if (outcome === 'sent') hasSent = true;
    if (outcome === 'offline' || outcome === 'later') break;
  }
  await refreshPendingFlag();
  if (hasSent) {
    void queryClient.invalidateQueries({ queryKey: queryRoots.tips });
    void queryClient.invalidateQueries({ queryKey: queryRoots.me });
  }
}

function inputOf(tip: OutboxTip): CreateTipInput {
  return {
    ...tip.fields,
    photos: tip.photos.map((p) => new File([p.blob], p.name, { type: p.type })),
    isAnonymous: tip.isAnonymous,
    idempotencyKey: tip.id,
    antiSpamProof: tip.antiSpamProof,
  };
}

/** Only the user who queued it sends it, with their own token: checked right before the request reads the token. */
function maySend(tip: OutboxTip): boolean {
  const { userId } = getSessionState();
  if (tip.ownerId !== null) return tip.ownerId === userId;
  return tip.isAnonymous;
}

async function sendOne(tip: OutboxTip, hasFreshProof = false): Promise<Outcome> {
  if (!maySend(tip)) return 'later';
  try {
    const result = await createTip(inputOf(tip));
    await updateOutboxTip(tip.id, { status: 'sent', result, photos: [], antiSpamProof: null });
    return 'sent';
  } catch (error) {
    // An abort (the session changed mid-request) or anything unexpected: the tip stays waiting.
    if (!isApiError(error)) return 'later';
    if (error.isNetworkError) return 'offline';
    const isProofRefused = error.status === 400 && error.fieldIssues.some((issue) => issue.field === PROOF_FIELD);
    if (isProofRefused && tip.isAnonymous && !hasFreshProof) {
      const { solveFreshProof } = await import('./anonymous-proof');
      const proof = await solveFreshProof(tip.fields.districtId).catch(() => null);
      if (!proof) return 'later';
      await updateOutboxTip(tip.id, { antiSpamProof: proof });
      return sendOne({ ...tip, antiSpamProof: proof }, true);
    }
    if (REFUSED_STATUSES.has(error.status)) {
      await updateOutboxTip(tip.id, { status: 'refused', errorCode: error.code });
      return 'refused';
    }
    // 401 (the session ended: sign-out clears the outbox), 409, 429, 5xx: the outcome is unknown; later, same key.
    return 'later';
  }
}
