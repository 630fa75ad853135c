import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns, communities, users } from '../../db/schema/index';
import { clock } from '../../lib/clock';

const HOUR = 3_600_000;
/** Near the demo community in 雁峰区 (WGS-84); the demo volunteer checks in here. */
const DEMO_PLACE = { lat: 26.8936, lng: 112.5719, radiusM: 300, address: '雁峰区先锋路社区广场' };

/** One demo campaign for each status, posted by the demo organizer, relative to now. */
const DEMO_CAMPAIGNS = [
  {
    slot: 'active',
    title: '平安社区夜间巡逻',
    kind: 'patrol',
    description: '两人一组沿先锋路、雁峰公园周边巡逻，留意可疑人员和车辆，发现情况及时报告。',
    fromHours: -1,
    hours: 6,
    capacity: 20,
    points: 20,
  },
  {
    slot: 'upcoming',
    title: '反诈骗宣传进社区',
    kind: 'publicity',
    description: '在社区广场发放反电信诈骗宣传资料，帮助老人安装国家反诈中心App。',
    fromHours: 48,
    hours: 3,
    capacity: 10,
    points: 15,
  },
  {
    slot: 'past',
    title: '禁毒知识宣传日',
    kind: 'publicity',
    description: '禁毒宣传展板和有奖问答。',
    fromHours: -72,
    hours: 3,
    capacity: null,
    points: 10,
  },
] as const;

/**
 * Demo campaigns for the demo volunteer's community (looked up now, whatever its id), so a new
 * user sees the feature at once. Each start tops up what time has used up: a new active campaign
 * when none is on, an upcoming one when none is ahead, a past one once.
 */
export async function seedDemoCampaigns(db: Db, volunteerPhone: string, organizerPhone: string): Promise<void> {
  const [volunteer] = await db.select({ communityId: users.communityId }).from(users).where(eq(users.phone, volunteerPhone));
  const [organizer] = await db.select({ id: users.id }).from(users).where(eq(users.phone, organizerPhone));
  if (!volunteer?.communityId || !organizer) return;
  const [community] = await db.select({ id: communities.id, districtId: communities.districtId }).from(communities).where(eq(communities.id, volunteer.communityId));
  if (!community) return;
  const now = clock.now();
  const ofCommunity = eq(campaigns.communityId, community.id);
  const exists = {
    active: and(ofCommunity, lte(campaigns.startsAt, now), gt(campaigns.endsAt, now)),
    upcoming: and(ofCommunity, gt(campaigns.startsAt, now)),
    past: and(ofCommunity, lte(campaigns.endsAt, now)),
  };
  for (const d of DEMO_CAMPAIGNS) {
    const [found] = await db.select({ id: campaigns.id }).from(campaigns).where(exists[d.slot]).limit(1);
    if (found) continue;
    const startsAt = new Date(now.getTime() + d.fromHours * HOUR);
    await db.insert(campaigns).values({
      title: d.title,
      kind: d.kind,
      description: d.description,
      startsAt,
      endsAt: new Date(startsAt.getTime() + d.hours * HOUR),
      ...DEMO_PLACE,
      districtId: community.districtId,
      communityId: community.id,
      capacity: d.capacity,
      points: d.points,
      createdBy: organizer.id,
    });
  }
}
