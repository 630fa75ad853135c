export const TIP_STATUSES = ['submitted', 'needs_info', 'valid', 'invalid', 'duplicate'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

/** GET /api/stats/overview (docs/api.md, "Statistics"). */
export type Overview = {
  period: { from: string; to: string; days: number };
  districtId: number | null;
  tips: {
    total: number;
    byStatus: Record<TipStatus, number>;
    byCategory: { category: string; tips: number }[];
    byDistrict: { districtId: number; tips: number }[];
    byWeek: { weekStart: string; tips: number }[];
  };
  decisions: { decided: number; medianHours: number | null; p90Hours: number | null; validRate: number | null };
  backlog: { total: number; byAge: { bucket: string; tips: number }[] };
  /** On-site checks due in the period (`overdue`: not reported by their due time) and open past due now. */
  onSiteChecks: { due: number; overdue: number; overdueNow: number };
  cases: { opened: number; solved: number };
  activeVolunteers: number;
  campaigns: { held: number; joined: number; checkedIn: number; attended: number; minutesAttended: number };
};

export type OverviewParams = { from: string; to: string; districtId?: number };

/** A published count: a number, "<5" (0–4) or "withheld" (hidden so that a "<5" cannot be worked out). */
export type PublicCount = number | '<5' | 'withheld';

/** GET /api/stats/public. */
export type PublicFigures = {
  months: string[];
  categories: { id: string; nameZh: string; nameEn: string; isSensitive: boolean }[];
  districts: { id: number; nameZh: string; nameEn: string }[];
  rows: { month: string; category: string; city: PublicCount; districts: { districtId: number; tips: PublicCount }[] | null }[];
  generatedAt: string;
};
