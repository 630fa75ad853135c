import type { Priority, TipStatus } from './tip';

export const caseStatuses = ['open', 'investigating', 'solved', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export type Person = { id: string; displayName: string };

export type CaseSummary = {
  id: string;
  reference: string;
  districtId: number;
  title: string;
  summary: string | null;
  status: CaseStatus;
  leadOfficer: Person | null;
  tipCount: number;
  solvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type CaseTip = {
  id: string;
  reference: string;
  category: string;
  excerpt: string;
  address: string | null;
  status: TipStatus;
  priority: Priority;
  isAnonymous: boolean;
  occurredAt: string;
  createdAt: string;
};

export type CaseNote = { id: number; body: string; author: Person | null; createdAt: string };

export type CaseDetail = CaseSummary & { tips: CaseTip[]; notes: CaseNote[] };
