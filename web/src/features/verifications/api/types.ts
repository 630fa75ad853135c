export const findings = ['confirmed', 'not_found', 'unclear'] as const;
export type Finding = (typeof findings)[number];
export type VerificationState = 'pending' | 'overdue' | 'reported';

export type VerificationPhoto = { id: string; url: string; width: number; height: number };
type Community = { id: number; nameZh: string; nameEn: string } | null;
type Person = { id: string; displayName: string | null } | null;

/** A check as police see it (GET /api/tips/:id/verifications). */
export type PoliceVerification = {
  id: string;
  tipId: string;
  status: 'open' | 'reported';
  state: VerificationState;
  community: Community;
  assignedTo: Person;
  requestedBy: Person;
  note: string;
  dueAt: string;
  createdAt: string;
  finding: Finding | null;
  reportNote: string | null;
  reportedBy: Person;
  reportedAt: string | null;
  photos: VerificationPhoto[];
};

/** A task as the auxiliary sees it: what and where, never who reported. */
export type VerificationTask = {
  id: string;
  status: 'open' | 'reported';
  state: VerificationState;
  isOverdue: boolean;
  community: Community;
  note: string;
  dueAt: string;
  createdAt: string;
  tip: {
    category: string;
    description: string;
    occurredAt: string;
    lat: number | null;
    lng: number | null;
    address: string | null;
    photos: VerificationPhoto[];
  } | null;
  report: { finding: Finding; note: string; reportedAt: string; photos: VerificationPhoto[] } | null;
};
