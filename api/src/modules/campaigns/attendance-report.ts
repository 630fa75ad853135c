import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import type { campaigns} from '../../db/schema/index';
import { campaignParticipants, communities, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden, notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { decodeCursor, encodeCursor, TimeIdCursor } from '../../lib/cursor';
import { canSeeAttendance } from './campaigns.policy';
import { presentAttendance, presentCampaign } from './campaigns.presenter';
import type { Attendance, AttendanceLine, AttendanceQuery } from '@hy/schemas/campaigns';
import { findCampaign } from './listing';

type Campaign = typeof campaigns.$inferSelect;

async function campaignForReport(actor: Actor, id: string) {
  const row = await findCampaign(db, actor, id);
  if (!row) throw notFound('Campaign');
  if (!canSeeAttendance(actor, row.campaign)) throw forbidden('Only its organizer, the police of its district and admins see who attended');
  return row;
}

/** One keyset page of participants, in the order they joined. */
async function attendancePage(campaign: Campaign, after: { t: string; id: string } | undefined, limit: number) {
  const rows = await db
    .select({
      participant: campaignParticipants,
      volunteer: { id: users.id, displayName: users.displayName },
      community: { id: communities.id, nameZh: communities.nameZh, nameEn: communities.nameEn },
    })
    .from(campaignParticipants)
    .innerJoin(users, eq(users.id, campaignParticipants.userId))
    .leftJoin(communities, eq(communities.id, users.communityId))
    .where(
      and(
        eq(campaignParticipants.campaignId, campaign.id),
        after
          ? or(
              gt(campaignParticipants.joinedAt, new Date(after.t)),
              and(eq(campaignParticipants.joinedAt, new Date(after.t)), gt(campaignParticipants.userId, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(campaignParticipants.joinedAt), asc(campaignParticipants.userId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1)?.participant;
  return { page, next: rows.length > limit && last ? { t: last.joinedAt.toISOString(), id: last.userId } : undefined };
}

async function totals(campaignId: string) {
  const [t] = await db
    .select({
      joined: sql<number>`count(*)::int`,
      checkedIn: sql<number>`count(${campaignParticipants.checkedInAt})::int`,
      checkedOut: sql<number>`count(${campaignParticipants.checkedOutAt})::int`,
      pointsAwarded: sql<number>`coalesce(sum(${campaignParticipants.pointsAwarded}), 0)::int`,
    })
    .from(campaignParticipants)
    .where(eq(campaignParticipants.campaignId, campaignId));
  return t;
}

/** Who joined, checked in and out, minutes (so far, for those still on site) and points. */
export async function getAttendance(actor: Actor, id: string, q: AttendanceQuery): Promise<Attendance> {
  const row = await campaignForReport(actor, id);
  const now = clock.now();
  const { page, next } = await attendancePage(row.campaign, decodeCursor(TimeIdCursor, q.cursor), q.limit);
  return {
    campaign: presentCampaign(row, now),
    totals: await totals(id),
    attendance: page.map((r) => presentAttendance(row.campaign, r, now)),
    nextCursor: next ? encodeCursor(next) : null,
  };
}

const COLUMNS = ['volunteer', 'community', 'joined_at', 'checked_in_at', 'checked_out_at', 'minutes', 'points', 'check_in_distance_m'];
const BATCH = 1000;

/** Access is checked before the first byte, so a refusal is still a JSON error. */
export async function attendanceCsv(actor: Actor, id: string) {
  const row = await campaignForReport(actor, id);
  const now = clock.now();
  /** Every participant, a batch at a time, as fast as the client reads. */
  async function* rows() {
    let after: { t: string; id: string } | undefined;
    do {
      const { page, next } = await attendancePage(row.campaign, after, BATCH);
      for (const r of page) yield presentAttendance(row.campaign, r, now);
      after = next;
    } while (after);
  }
  return {
    filename: `campaign-${id}-attendance.csv`,
    columns: COLUMNS,
    rows: rows(),
    toCells: (a: AttendanceLine) => [
      a.volunteer.displayName,
      a.community?.nameZh ?? '',
      a.joinedAt,
      a.checkedInAt ?? '',
      a.checkedOutAt ?? '',
      a.minutes,
      a.pointsAwarded,
      a.checkInDistanceM ?? '',
    ],
  };
}
