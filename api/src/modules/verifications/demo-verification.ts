import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users, verifications } from '../../db/schema/index';
import { clock } from '../../lib/clock';
import { actorOf } from '../auth/auth.service';
import { submitTip } from '../tips/tips.service';
import { requestVerification } from './requesting';

/** Near the demo community in 雁峰区 (WGS-84), like the demo campaigns. */
const DEMO_TIP = {
  category: 'safety_hazard' as const,
  description: '岳屏社区菜市场后巷堆放了大量纸箱和几个液化气罐，旁边就是电动车充电的插线板，晚上没人看管。',
  lat: 26.8931,
  lng: 112.5712,
  address: '雁峰区岳屏社区菜市场后巷',
};

/**
 * One open on-site check for the demo auxiliary, so a new user of /verify (and of the police queue)
 * sees the feature at once: a tip by the demo volunteer, checked at the demo officer's request.
 * Made once per database: nothing is added while the community has any task, open or reported.
 */
export async function seedDemoVerification(db: Db, phones: { volunteer: string; officer: string; auxiliary: string }): Promise<void> {
  const [auxiliary] = await db.select().from(users).where(eq(users.phone, phones.auxiliary));
  const [volunteer] = await db.select().from(users).where(eq(users.phone, phones.volunteer));
  const [officer] = await db.select().from(users).where(eq(users.phone, phones.officer));
  if (!auxiliary?.communityId || !volunteer || !officer || auxiliary.disabledAt || officer.districtId !== auxiliary.districtId) return;
  const [existing] = await db.select({ id: verifications.id }).from(verifications).where(eq(verifications.communityId, auxiliary.communityId)).limit(1);
  if (existing) return;
  const submitted = await submitTip({
    actor: actorOf(volunteer),
    input: { ...DEMO_TIP, occurredAt: new Date(clock.nowMs() - 3 * 3_600_000), districtId: auxiliary.districtId! },
    photos: [],
    idempotencyKey: undefined,
  });
  const tip = (submitted.body as { tip: { id: string } }).tip;
  await requestVerification(actorOf(officer), tip.id, {
    note: '请到现场核实是否仍有液化气罐和纸箱堆放，拍照说明周边情况。',
    communityId: auxiliary.communityId,
  });
}
