import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { communities, districts, policeUnits, rewards, users } from './schema/index';
import { syncGeography } from './geography';
import { DISTRICTS, unitsFor } from './seed-data';
import { hashPassword } from '../modules/auth/passwords';
import { seedDemoCampaigns } from '../modules/campaigns/demo-campaigns';
import { seedDemoVerification } from '../modules/verifications/demo-verification';

/** Districts, their townships and communities (db/geography.ts), police units. Idempotent: runs at every start. */
export async function seedReference(db: Db): Promise<void> {
  await db
    .insert(districts)
    .values(DISTRICTS.map(({ id, code, nameZh, nameEn }) => ({ id, code, nameZh, nameEn })))
    .onConflictDoNothing();
  await syncGeography(db);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(policeUnits);
  if (n > 0) return;
  await db.insert(policeUnits).values(DISTRICTS.flatMap((d) => unitsFor(d).map(([nameZh, nameEn]) => ({ districtId: d.id, nameZh, nameEn }))));
}

/** The demo volunteer's and organizer's community: 岳屏社区, 天马山街道, 雁峰区. */
export const DEMO_COMMUNITY_CODE = '430406003001';

export const DEMO_PASSWORD = 'demo12345';

export const DEMO_ACCOUNTS = [
  { phone: '13800000001', role: 'volunteer', displayName: '热心群众小李', districtId: 1 },
  { phone: '13800000002', role: 'officer', displayName: '雁峰民警王警官', districtId: 1 },
  { phone: '13800000003', role: 'supervisor', displayName: '雁峰所长陈警官', districtId: 1 },
  { phone: '13800000004', role: 'organizer', displayName: '天马山街道组织员刘姐', districtId: 1 },
  { phone: '13800000005', role: 'admin', displayName: '系统管理员', districtId: null },
  { phone: '13800000006', role: 'officer', displayName: '耒阳民警赵警官', districtId: 11 },
  // the auxiliary police officer (辅警) of the demo volunteer's community
  { phone: '13800000007', role: 'auxiliary', displayName: '社区辅警周警官', districtId: 1 },
] as const;

const DEMO_REWARDS = [
  { nameZh: '平安衡阳徽章', nameEn: 'Safe Hengyang badge', cost: 20, stock: 1000 },
  { nameZh: '公交卡充值20元', nameEn: 'Bus card top-up ¥20', cost: 50, stock: 500 },
  { nameZh: '衡阳群众定制水杯', nameEn: 'Hengyang Masses water bottle', cost: 100, stock: 300 },
  { nameZh: '南岳衡山门票', nameEn: 'Mount Heng (Nanyue) admission ticket', cost: 500, stock: 100 },
  { nameZh: '年度优秀群众荣誉证书及礼包', nameEn: 'Outstanding volunteer certificate and gift pack', cost: 2000, stock: 20 },
];

/** The contract's demo accounts and a reward catalogue; idempotent. */
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [demoCommunity] = await db.select({ id: communities.id }).from(communities).where(eq(communities.code, DEMO_COMMUNITY_CODE));
  for (const a of DEMO_ACCOUNTS) {
    // The volunteer and organizer live in the demo community; the auxiliary serves wherever the
    // demo volunteer lives (an older database migrated them from a placeholder community).
    const [community] =
      a.role === 'auxiliary'
        ? await db
            .select({ id: communities.id })
            .from(users)
            .innerJoin(communities, eq(communities.id, users.communityId))
            .where(eq(users.phone, DEMO_ACCOUNTS[0].phone))
        : [demoCommunity];
    const [unit] =
      a.role === 'officer' || a.role === 'supervisor'
        ? await db.select().from(policeUnits).where(eq(policeUnits.districtId, a.districtId!)).orderBy(asc(policeUnits.id)).limit(1)
        : [];
    const isCommunityMember = a.role === 'volunteer' || a.role === 'organizer' || a.role === 'auxiliary';
    const [created] = await db
      .insert(users)
      .values({
        phone: a.phone,
        passwordHash,
        displayName: a.displayName,
        role: a.role,
        districtId: a.districtId,
        communityId: isCommunityMember ? community?.id : null,
        unitId: unit?.id ?? null,
      })
      .onConflictDoNothing({ target: users.phone })
      .returning({ id: users.id });
    if (created && a.role === 'volunteer' && community) {
      await db.update(communities).set({ memberCount: sql`${communities.memberCount} + 1` }).where(eq(communities.id, community.id));
    }
  }
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(rewards);
  if (n === 0) await db.insert(rewards).values(DEMO_REWARDS.map((r) => ({ ...r, descriptionZh: '', descriptionEn: '' })));
  await seedDemoCampaigns(db, '13800000001', '13800000004');
  await seedDemoVerification(db, { volunteer: '13800000001', officer: '13800000002', auxiliary: '13800000007' });
}
