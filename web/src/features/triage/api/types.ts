import type { Priority, TipStatus } from '../../../shared/types/tip';

export type Decision = 'valid' | 'invalid' | 'duplicate' | 'needs_info';

export type QueueClaim = { officerId: string; officerName: string | null; isMine: boolean; expiresAt: string };

export type QueueRow = {
  id: string;
  reference: string;
  category: string;
  excerpt: string;
  address: string | null;
  districtId: number;
  status: TipStatus;
  priority: Priority;
  isAnonymous: boolean;
  photoCount: number;
  caseId: string | null;
  occurredAt: string;
  createdAt: string;
  claim: QueueClaim | null;
  /** The latest on-site check, null when never checked. */
  verification: { state: 'pending' | 'overdue' | 'reported'; dueAt: string | null } | null;
};

export type StatusCounts = Record<TipStatus, number>;

/**
 * `counts` come with the first page only, and not for free text or claim filters (null then).
 * A status listed in `countsCapped` has at least that many tips (the server stops counting at 1000).
 */
export type QueuePage = { tips: QueueRow[]; nextCursor: string | null; counts: StatusCounts | null; countsCapped?: TipStatus[] };

export type DuplicateSuggestion = {
  id: string;
  reference: string;
  status: TipStatus;
  category: string;
  excerpt: string;
  address: string | null;
  caseId: string | null;
  createdAt: string;
  similarity: number;
  distanceMetres: number | null;
};

export type ReporterRecord =
  | { isAnonymous: true; record: null }
  | { isAnonymous: false; record: { total: number; valid: number; invalid: number; duplicate: number; falseReports: number } };
