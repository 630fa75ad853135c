import type { PublicFigures as PublicFiguresAnswer } from '@hy/schemas/stats';
import { clock } from '../../lib/clock';
import { CATEGORIES, SENSITIVE_CATEGORIES } from '@hy/schemas/categories';
import { listDistricts } from '../reference/reference.service';
import { cstDay } from './period';
import { protectCount, protectLine } from './suppression';
import { monthlyCells } from './tip-totals';

/** How long one computation of the public figures is served (they change once a month). */
export const PUBLIC_CACHE_SECONDS = 300;

type PublicFigures = Omit<PublicFiguresAnswer, 'generatedAt'>;
const cache = new Map<string, { at: number; body: PublicFigures }>();

/** Tests: forget the cached figures. */
export const clearPublicFiguresCache = () => cache.clear();

/** The N whole months before the current one (Asia/Shanghai), oldest first: a live month would let a watcher see single tips arrive. */
function lastMonths(n: number, today: string): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - n + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

async function compute(months: number, today: string): Promise<PublicFigures> {
  const list = lastMonths(months, today);
  const [districts, cells] = await Promise.all([listDistricts(), monthlyCells({ fromDay: `${list[0]}-01`, toDay: `${today.slice(0, 7)}-01` })]);
  const countOf = (month: string, category: string, districtId: number) =>
    cells.find((c) => c.month === month && c.category === category && c.districtId === districtId)?.tips ?? 0;
  const rows = list.flatMap((month) =>
    CATEGORIES.map((c) => {
      const byDistrict = districts.map((d) => ({ key: d.id, n: countOf(month, c.id, d.id) }));
      const city = byDistrict.reduce((sum, x) => sum + x.n, 0);
      if (SENSITIVE_CATEGORIES.has(c.id)) return { month, category: c.id, city: protectCount(city), districts: null };
      const line = protectLine(city, byDistrict);
      return { month, category: c.id, city: line.total, districts: line.cells.map((x) => ({ districtId: x.key, tips: x.value })) };
    }),
  );
  return {
    months: list,
    categories: CATEGORIES.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, isSensitive: SENSITIVE_CATEGORIES.has(c.id) })),
    districts: districts.map((d) => ({ id: d.id, nameZh: d.nameZh, nameEn: d.nameEn })),
    rows,
  };
}

/** The public monthly figures, protected (suppression.ts), computed at most once per few minutes per window. */
export async function publicFigures(months: number): Promise<PublicFiguresAnswer> {
  const now = clock.nowMs();
  const today = cstDay(new Date(now));
  const key = `${months}:${today.slice(0, 7)}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < PUBLIC_CACHE_SECONDS * 1000) return { ...hit.body, generatedAt: new Date(hit.at).toISOString() };
  const body = await compute(months, today);
  cache.set(key, { at: now, body });
  return { ...body, generatedAt: new Date(now).toISOString() };
}
