import { and, eq } from 'drizzle-orm';
import { auditLog, pointsLedger, tips } from '../../src/db/schema/index';
import { db } from './harness';
import { createTip, createUser, type TestUser } from './factories';
import type { CreateTip } from '@hy/schemas/tips';

/** The callers every police endpoint is checked against (district 1 = 雁峰区, 11 = 耒阳市). */
export type Cast = {
  volunteer: TestUser;
  organizer: TestUser;
  /** 辅警 of a community of the district: not police, sees no queue, tip or case. */
  auxiliary: TestUser;
  officer: TestUser;
  otherOfficer: TestUser;
  supervisor: TestUser;
  admin: TestUser;
};

export async function createCast(districtId = 1, otherDistrictId = 11): Promise<Cast> {
  const [volunteer, organizer, auxiliary, officer, otherOfficer, supervisor, admin] = await Promise.all([
    createUser({ role: 'volunteer', districtId }),
    createUser({ role: 'organizer', districtId }),
    createUser({ role: 'auxiliary', districtId }),
    createUser({ role: 'officer', districtId }),
    createUser({ role: 'officer', districtId: otherDistrictId }),
    createUser({ role: 'supervisor', districtId }),
    createUser({ role: 'admin' }),
  ]);
  return { volunteer, organizer, auxiliary, officer, otherOfficer, supervisor, admin };
}

export const ROLES: (keyof Cast)[] = ['volunteer', 'organizer', 'auxiliary', 'officer', 'otherOfficer', 'supervisor', 'admin'];

/** A submitted tip in a district, by a fresh volunteer (or anonymous when reporter is null). */
export async function tipIn(
  districtId: number,
  opts: { reporter?: TestUser | null; input?: Partial<CreateTip> } = {},
): Promise<{ id: string; reference: string; reporter: TestUser | null }> {
  const reporter = opts.reporter === undefined ? await createUser({ role: 'volunteer', districtId }) : opts.reporter;
  const { tip } = await createTip(reporter, { districtId, ...opts.input });
  return { id: tip.id, reference: tip.reference, reporter };
}

export const ledgerOf = (userId: string) => db().select().from(pointsLedger).where(eq(pointsLedger.userId, userId));

export const tipRow = async (id: string) => (await db().select().from(tips).where(eq(tips.id, id)))[0];

export const auditOf = (entityType: string, entityId: string) =>
  db().select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)));
