export const tipStatuses = ['submitted', 'needs_info', 'valid', 'invalid', 'duplicate'] as const;
export type TipStatus = (typeof tipStatuses)[number];

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

export type TipMedia = { id: string; url: string; width: number; height: number; mimeType: string };

export type TipHistoryEntry = {
  id: string | number;
  kind: 'status' | 'note' | 'reveal' | 'link' | 'transfer';
  fromStatus: TipStatus | null;
  toStatus: TipStatus | null;
  note: string | null;
  by: 'you' | 'police' | 'system';
  createdAt: string;
};

export type Tip = {
  id: string;
  reference: string;
  category: string;
  description: string;
  occurredAt: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  districtId: number;
  status: TipStatus;
  priority: string;
  isAnonymous: boolean;
  createdAt: string;
  media: TipMedia[];
  history: TipHistoryEntry[];
  duplicateOf: { reference: string; status: TipStatus } | null;
};

/** The police view of a tip (GET /api/tips/:id as police): never the reporter. */
export type PoliceTip = Omit<Tip, 'history' | 'priority'> & {
  priority: Priority;
  history: (Omit<TipHistoryEntry, 'kind' | 'by'> & {
    /** `verification` and `auxiliary` (an on-site check) appear in the police view only. */
    kind: TipHistoryEntry['kind'] | 'verification';
    by: TipHistoryEntry['by'] | 'auxiliary';
    isVisibleToReporter: boolean;
    actorId: string | null;
    caseLink: { reference: string; linked: boolean } | null;
    /** Why the tip was transferred or its decision reversed (police only). */
    correction: TipCorrection | null;
    /** An on-site check requested or reported (police only). */
    verification: HistoryVerification | null;
  })[];
  caseId: string | null;
  duplicateOfId: string | null;
  isDeliberateFalse: boolean;
  claimedById: string | null;
  claimExpiresAt: string | null;
  decidedAt: string | null;
  decidedById: string | null;
  /** Whether the viewer may reverse the decision now: `undo` (their own, briefly) or `review` (supervisor, admin). */
  reversal: { kind: 'undo' | 'review'; until: string | null } | null;
  /** The latest on-site check: pending, overdue or reported, and when it is due. */
  verification: { state: 'pending' | 'overdue' | 'reported'; dueAt: string | null } | null;
};

export type HistoryVerification = {
  id: string;
  event: 'requested' | 'reported';
  communityId: number | null;
  dueAt: string | null;
  finding: 'confirmed' | 'not_found' | 'unclear' | null;
  photos: { id: string; url: string; width: number; height: number }[];
};

export type TipCorrection =
  | { kind: 'transfer'; reason: string; fromDistrictId: number; toDistrictId: number }
  | { kind: 'reversal'; reason: string };
