import type { Actor } from '../../http/actor';
import { forbidden, notFound, validationError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { campaignFigures } from '../campaigns/figures';
import { caseFigures } from '../cases/figures';
import { CATEGORIES } from '@hy/schemas/categories';
import { districtExists, listDistricts } from '../reference/reference.service';
import { backlogFigures, submissionFigures } from '../tips/figures';
import { verificationFigures } from '../verifications/figures';
import { cstDay, resolvePeriod, weeksOf } from './period';
import { canReadOverview, defaultScope, maySeeDistrict } from './stats.policy';
import type { Overview, OverviewQuery } from '@hy/schemas/stats';
import { TIP_STATUSES } from '@hy/schemas/tip-rules';
import { periodTotals } from './tip-totals';

/** The 12 districts are seeded once and never change: read them once. */
let districtList: ReturnType<typeof listDistricts> | undefined;

/** The city's scope in the statistics summaries (districts are 1…12). */
const CITY_SCOPE = 0;

/**
 * The department's figures for a period and a scope (a district, or the city for admins). Every
 * figure comes from a summary table or an index range (docs/performance.md has the plans); the
 * queries run side by side on the pool.
 */
export async function overview(actor: Actor, q: OverviewQuery): Promise<Overview> {
  if (!canReadOverview(actor)) throw forbidden('Statistics are for supervisors and administrators');
  const period = resolvePeriod(q);
  const districtId = q.districtId ?? defaultScope(actor);
  if (districtId !== null && !(await districtExists(districtId))) throw validationError([{ field: 'districtId', message: 'no such district' }]);
  if (!maySeeDistrict(actor, districtId)) throw notFound('District');

  districtList ??= listDistricts();
  const districts = await districtList;
  const districtIds = districtId === null ? districts.map((d) => d.id) : [districtId];
  const scope = { districtIds, start: period.start, end: period.end };
  const now = clock.now();
  const [totals, submissions, backlog, cases, campaigns, onSiteChecks] = await Promise.all([
    periodTotals(period, districtId),
    submissionFigures({ ...scope, scope: districtId ?? CITY_SCOPE, from: period.from, to: period.to, today: cstDay(now) }),
    backlogFigures({ districtIds, now }),
    caseFigures(scope),
    campaignFigures(scope),
    verificationFigures({ ...scope, now }),
  ]);

  const count = (kind: string, key: string) => totals.find((t) => t.kind === kind && t.key === key)?.tips ?? 0;
  const byStatus = Object.fromEntries(TIP_STATUSES.map((s) => [s, count('status', s)])) as Record<(typeof TIP_STATUSES)[number], number>;
  const judged = byStatus.valid + byStatus.invalid + byStatus.duplicate;
  return {
    period: { from: period.from, to: period.to, days: period.days },
    districtId,
    tips: {
      total: TIP_STATUSES.reduce((sum, s) => sum + byStatus[s], 0),
      byStatus,
      byCategory: CATEGORIES.map((c) => ({ category: c.id, tips: count('category', c.id) })),
      byDistrict: districts.filter((d) => districtIds.includes(d.id)).map((d) => ({ districtId: d.id, tips: count('district', String(d.id)) })),
      byWeek: weeksOf(period).map((weekStart) => ({ weekStart, tips: count('week', weekStart) })),
    },
    decisions: {
      decided: submissions.decided,
      medianHours: submissions.medianHours,
      p90Hours: submissions.p90Hours,
      validRate: judged ? Math.round((byStatus.valid / judged) * 10_000) / 10_000 : null,
    },
    backlog,
    onSiteChecks,
    cases,
    activeVolunteers: submissions.activeVolunteers,
    campaigns,
  };
}
