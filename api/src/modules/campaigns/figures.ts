import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { districtArray, type TipFigureScope } from '../tips/figures';
import { CAMPAIGN_RULES } from '@hy/schemas/campaign-rules';

/**
 * Campaigns that started in the period and their attendance: volunteers joined, checked in, and
 * attended long enough for the campaign's points; minutes attended in all.
 */
export async function campaignFigures(s: TipFigureScope) {
  const { rows } = await db.execute<{ held: number; joined: number; checked_in: number; attended: number; minutes: number }>(sql`
    SELECT count(DISTINCT c.id)::int AS held, count(p.user_id)::int AS joined, count(p.checked_in_at)::int AS checked_in,
           count(*) FILTER (WHERE p.minutes >= ${CAMPAIGN_RULES.minMinutesForPoints})::int AS attended,
           coalesce(sum(p.minutes), 0)::int AS minutes
    FROM campaigns c LEFT JOIN campaign_participants p ON p.campaign_id = c.id
    WHERE c.district_id = ANY(${districtArray(s.districtIds)}) AND c.starts_at >= ${s.start.toISOString()} AND c.starts_at < ${s.end.toISOString()}`);
  const [r] = rows;
  return { held: Number(r.held), joined: Number(r.joined), checkedIn: Number(r.checked_in), attended: Number(r.attended), minutesAttended: Number(r.minutes) };
}
