import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { districtArray, type TipFigureScope } from '../tips/figures';

/** Cases opened in the period, and cases solved in it (solved now, with the solving time inside). */
export async function caseFigures(s: TipFigureScope) {
  const start = s.start.toISOString();
  const end = s.end.toISOString();
  const { rows } = await db.execute<{ opened: number; solved: number }>(sql`
    SELECT (SELECT count(*)::int FROM cases WHERE district_id = ANY(${districtArray(s.districtIds)})
              AND created_at >= ${start} AND created_at < ${end}) AS opened,
           (SELECT count(*)::int FROM cases WHERE district_id = ANY(${districtArray(s.districtIds)}) AND status = 'solved'
              AND solved_at >= ${start} AND solved_at < ${end}) AS solved`);
  return { opened: Number(rows[0].opened), solved: Number(rows[0].solved) };
}
