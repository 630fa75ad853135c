import type { media, tipHistory, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { clock } from '../../lib/clock';
import { reversalWindowOf, type TipAudience } from './tips.policy';
import { verificationStateOf } from './verification-state';

type TipRow = typeof tips.$inferSelect;
type HistoryRow = typeof tipHistory.$inferSelect;
type MediaRow = typeof media.$inferSelect;

export type TipBundle = {
  tip: TipRow;
  media: MediaRow[];
  history: HistoryRow[];
  duplicateOf: { reference: string; status: TipRow['status'] } | null;
};

function presentMedia(tipId: string, m: MediaRow) {
  return {
    id: m.id,
    url: `/api/tips/${tipId}/media/${m.id}`,
    mimeType: m.mimeType,
    width: m.width,
    height: m.height,
    bytes: m.bytes,
  };
}

/** Who did a history entry, as the audience may know it: never an officer's name or id to reporters. */
function byOf(h: HistoryRow): 'you' | 'police' | 'auxiliary' | 'system' {
  if (h.actorRole === 'officer' || h.actorRole === 'supervisor' || h.actorRole === 'admin') return 'police';
  if (h.actorRole === 'auxiliary') return 'auxiliary';
  if (h.actorRole === 'reporter') return 'you';
  return 'system';
}

/** A link/unlink entry's case, for the police timeline (details hold nothing else police may not see). */
function caseLinkOf(h: HistoryRow): { reference: string; linked: boolean } | null {
  const d = h.details as { caseReference?: unknown; linked?: unknown } | null;
  if (h.kind !== 'link' || !d || typeof d.caseReference !== 'string') return null;
  return { reference: d.caseReference, linked: d.linked !== false };
}

/** Police only: why a tip was transferred or a decision reversed, and between which districts. */
function correctionOf(h: HistoryRow) {
  const d = h.details as { reason?: unknown; reversal?: unknown; fromDistrictId?: unknown; toDistrictId?: unknown } | null;
  if (!d || typeof d.reason !== 'string') return null;
  if (h.kind === 'transfer') return { kind: 'transfer' as const, reason: d.reason, fromDistrictId: d.fromDistrictId, toDistrictId: d.toDistrictId };
  if (d.reversal === true) return { kind: 'reversal' as const, reason: d.reason };
  return null;
}

/**
 * Police only: an on-site check requested (community, due time) or reported (finding, photos).
 * The entry's details are written by the verifications module; the photos are served through its
 * authorized route.
 */
function verificationOf(h: HistoryRow) {
  const d = h.details as {
    verificationId?: unknown;
    event?: unknown;
    communityId?: unknown;
    dueAt?: unknown;
    finding?: unknown;
    photoIds?: unknown;
  } | null;
  if (h.kind !== 'verification' || !d || typeof d.verificationId !== 'string') return null;
  const photoIds = Array.isArray(d.photoIds) ? d.photoIds.filter((x): x is string => typeof x === 'string') : [];
  return {
    id: d.verificationId,
    event: d.event === 'reported' ? ('reported' as const) : ('requested' as const),
    communityId: typeof d.communityId === 'number' ? d.communityId : null,
    dueAt: typeof d.dueAt === 'string' ? d.dueAt : null,
    finding: typeof d.finding === 'string' ? d.finding : null,
    photos: photoIds.map((id) => ({ id, url: `/api/verifications/${d.verificationId}/photos/${id}` })),
  };
}

function presentHistory(h: HistoryRow, audience: TipAudience) {
  return {
    id: h.id,
    kind: h.kind,
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    note: h.note,
    by: byOf(h),
    ...(audience === 'police' ? { isVisibleToReporter: h.isVisibleToReporter, actorId: h.actorId, caseLink: caseLinkOf(h), correction: correctionOf(h), verification: verificationOf(h) } : {}),
    createdAt: h.createdAt,
  };
}

/**
 * Whether the police viewer may reverse the decision, and until when: `undo` for the officer who
 * made it (a short window), `review` for a supervisor or admin. Null for an undecided tip.
 */
function reversalFor(t: TipRow, viewer: Actor | undefined) {
  if (!viewer || t.status === 'submitted') return null;
  const window = reversalWindowOf(viewer, t);
  if (!window || (window.until && window.until.getTime() < clock.nowMs())) return null;
  return { kind: viewer.role === 'officer' ? ('undo' as const) : ('review' as const), until: window.until };
}

/**
 * A tip as its audience may see it. Police never get the reporter's id (or anything that names
 * them); the reporter never gets internal police notes or who handled the tip. Police views of
 * one viewer (`viewer`) say whether that viewer may reverse the decision.
 */
export function presentTip(b: TipBundle, audience: TipAudience, viewer?: Actor) {
  const t = b.tip;
  const history = audience === 'reporter' ? b.history.filter((h) => h.isVisibleToReporter) : b.history;
  const base = {
    id: t.id,
    reference: t.reference,
    category: t.category,
    description: t.description,
    occurredAt: t.occurredAt,
    lat: t.lat,
    lng: t.lng,
    address: t.address,
    districtId: t.districtId,
    status: t.status,
    priority: t.priority,
    isAnonymous: t.isAnonymous,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    media: b.media.filter((m) => !m.purgedAt).map((m) => presentMedia(t.id, m)),
    history: history.map((h) => presentHistory(h, audience)),
    duplicateOf: b.duplicateOf,
  };
  if (audience === 'reporter') return base;
  return {
    ...base,
    caseId: t.caseId,
    duplicateOfId: t.duplicateOfId,
    isDeliberateFalse: t.isDeliberateFalse,
    claimedById: t.claimedById,
    claimExpiresAt: t.claimExpiresAt,
    decidedAt: t.decidedAt,
    decidedById: t.decidedById,
    reversal: reversalFor(t, viewer),
    verification: verificationStateOf(t, clock.now()),
  };
}
