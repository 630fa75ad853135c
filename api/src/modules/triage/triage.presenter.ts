import type { CategoryId } from '@hy/schemas/categories';
import type { DuplicateSuggestion, QueueTip, ReporterRecord } from '@hy/schemas/triage';
import type { Presented } from '@hy/schemas/presented';
import type { tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { verificationStateOf } from '../tips/verification-state';
import { isClaimActive } from './triage.policy';

type TipRow = typeof tips.$inferSelect;

export type QueueRow = Pick<
  TipRow,
  | 'id'
  | 'reference'
  | 'category'
  | 'address'
  | 'districtId'
  | 'status'
  | 'priority'
  | 'priorityRank'
  | 'isAnonymous'
  | 'occurredAt'
  | 'createdAt'
  | 'claimedById'
  | 'claimExpiresAt'
  | 'caseId'
  | 'verificationStatus'
  | 'verificationDueAt'
> & { excerpt: string; photoCount: number };

/** A queue line for police: no reporter, a short excerpt, and who holds the claim (police only). */
export function presentQueueRow(r: QueueRow, actor: Actor, claimers: Map<string, string>, now: Date): Presented<QueueTip> {
  const officerId = isClaimActive(r, now) ? r.claimedById : null;
  return {
    id: r.id,
    reference: r.reference,
    // Stored as text, written only through CreateTip's enum.
    category: r.category as CategoryId,
    excerpt: r.excerpt,
    address: r.address,
    districtId: r.districtId,
    status: r.status,
    priority: r.priority,
    isAnonymous: r.isAnonymous,
    photoCount: r.photoCount,
    caseId: r.caseId,
    occurredAt: r.occurredAt,
    createdAt: r.createdAt,
    verification: verificationStateOf(r, now),
    claim:
      officerId !== null
      ? {
          officerId,
          officerName: claimers.get(officerId) ?? null,
          isMine: officerId === actor.id,
          expiresAt: r.claimExpiresAt,
        }
      : null,
  };
}

export type DuplicateRow = Pick<TipRow, 'id' | 'reference' | 'status' | 'category' | 'address' | 'createdAt' | 'caseId'> & {
  excerpt: string;
  similarity: number;
  distanceMetres: number | null;
};

export function presentDuplicate(r: DuplicateRow): Presented<DuplicateSuggestion> {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    category: r.category as CategoryId,
    excerpt: r.excerpt,
    address: r.address,
    caseId: r.caseId,
    createdAt: r.createdAt,
    similarity: Math.round(Number(r.similarity) * 100) / 100,
    distanceMetres: r.distanceMetres === null ? null : Math.round(Number(r.distanceMetres)),
  };
}

export type ReporterRecordCounts = { total: number; valid: number; invalid: number; duplicate: number; falseReports: number };

/** A reporter's track record on their other tips: counts only, never who they are. */
export function presentReporterRecord(isAnonymous: boolean, r: ReporterRecordCounts | null): ReporterRecord {
  if (isAnonymous || !r) return { isAnonymous: true as const, record: null };
  return { isAnonymous: false as const, record: r };
}
