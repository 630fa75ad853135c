import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '../../db/client';
import { users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, forbidden, notFound, validationError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { audit } from '../audit/audit.service';
import { newTemporaryCredential, revokingTransaction, setTemporaryPassword } from '../auth/credentials';
import { canActInDistrict, canAssignRole, PLACEMENT, usersVisibleTo } from './accounts.policy';
import type { CreateUser, UpdateUser } from '@hy/schemas/accounts';
import { presentUsers } from './list-users';
import { resolvePlacement } from './placement';

type UserRow = typeof users.$inferSelect;

const outsideDistrict = () => forbidden('You manage accounts of your own district only');

/** Advisory-lock class for "one auxiliary per community" (the second key is the community id). */
const AUXILIARY_LOCK = 8_001;

/**
 * 一村一辅警: a community has one active auxiliary. The lock serialises two assignments to the
 * same community, so both cannot pass the check at once.
 */
async function ensureNoOtherAuxiliary(tx: DbOrTx, communityId: number, exceptUserId?: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUXILIARY_LOCK}, ${communityId})`);
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'auxiliary'),
        eq(users.communityId, communityId),
        isNull(users.disabledAt),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      ),
    )
    .limit(1);
  if (other) throw new AppError('AUXILIARY_TAKEN', 'This community already has an auxiliary police officer; disable that account first', { field: 'communityId' });
}

/** The account, locked, when the actor may manage it; anything else (another district's staff) is 404. */
async function lockManagedUser(tx: DbOrTx, actor: Actor, id: string): Promise<UserRow> {
  const [target] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), usersVisibleTo(actor)))
    .for('update');
  if (!target) throw notFound('User');
  return target;
}

const present = async (row: UserRow) => (await presentUsers([row]))[0];

export async function getManagedUser(actor: Actor, id: string) {
  const [target] = await db.select().from(users).where(and(eq(users.id, id), usersVisibleTo(actor)));
  if (!target) throw notFound('User');
  return present(target);
}

/** A staff account with a temporary password, shown once, that must be changed at the first sign-in. */
export async function createStaffUser(actor: Actor, input: CreateUser) {
  if (!canAssignRole(actor, input.role)) throw forbidden(`You may not create ${input.role} accounts`);
  // A supervisor's officers belong to the supervisor's district unless another is named (and refused).
  const districtId =
    input.districtId === undefined && actor.role === 'supervisor' && PLACEMENT[input.role] === 'district' ? actor.districtId : input.districtId;
  const credential = await newTemporaryCredential();
  const created = await db.transaction(async (tx) => {
    const placement = await resolvePlacement(
      tx,
      input.role,
      { districtId, communityId: input.communityId },
      { role: null, districtId: null, communityId: null, unitId: null },
    );
    if (!canActInDistrict(actor, placement.districtId)) throw outsideDistrict();
    if (input.role === 'auxiliary') await ensureNoOtherAuxiliary(tx, placement.communityId!);
    const [user] = await tx
      .insert(users)
      .values({
        phone: input.phone,
        passwordHash: credential.passwordHash,
        displayName: input.displayName,
        role: input.role,
        ...placement,
        mustChangePassword: true,
      })
      .onConflictDoNothing({ target: users.phone })
      .returning();
    if (!user) throw new AppError('PHONE_TAKEN', 'This phone number is already registered', { field: 'phone' });
    await audit(tx, {
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      details: { role: user.role, districtId: user.districtId, communityId: user.communityId },
      districtId: user.districtId,
    });
    return user;
  });
  return { user: await present(created), temporaryPassword: credential.password };
}

const placementOf = (u: Pick<UserRow, 'role' | 'districtId' | 'communityId'>) => ({
  role: u.role,
  districtId: u.districtId,
  communityId: u.communityId,
});

/**
 * Role, district, community, disabled. A change of role or place revokes the access tokens already
 * issued (they carry the old role and district; the next refresh carries the new ones); disabling
 * also revokes every session, so the account stops at once.
 */
export async function updateManagedUser(actor: Actor, id: string, input: UpdateUser) {
  const updated = await revokingTransaction(async (tx, revoke) => {
    const target = await lockManagedUser(tx, actor, id);
    if (target.id === actor.id) throw forbidden('You may not change your own role or disable yourself');
    const movesPlacement = input.role !== undefined || input.districtId !== undefined || input.communityId !== undefined;
    if (target.role === 'volunteer' && movesPlacement) {
      const field = input.role !== undefined ? 'role' : input.districtId !== undefined ? 'districtId' : 'communityId';
      throw validationError([{ field, message: "a volunteer's role and community are theirs; only disabling applies" }]);
    }
    let next = { role: target.role, districtId: target.districtId, communityId: target.communityId, unitId: target.unitId };
    if (movesPlacement) {
      const role = input.role ?? target.role;
      if (!canAssignRole(actor, role)) throw forbidden(`You may not give the ${role} role`);
      const placement = await resolvePlacement(tx, role, input, target);
      if (!canActInDistrict(actor, placement.districtId)) throw outsideDistrict();
      next = { role, ...placement };
    }
    const disabledAt = input.disabled === undefined ? target.disabledAt : input.disabled ? (target.disabledAt ?? clock.now()) : null;
    const isDisabling = target.disabledAt === null && disabledAt !== null;
    const isEnabling = target.disabledAt !== null && disabledAt === null;
    const isMoved =
      next.role !== target.role || next.districtId !== target.districtId || next.communityId !== target.communityId || next.unitId !== target.unitId;
    if (next.role === 'auxiliary' && disabledAt === null && (isMoved || isEnabling)) await ensureNoOtherAuxiliary(tx, next.communityId!, target.id);

    const [row] = await tx.update(users).set({ ...next, disabledAt }).where(eq(users.id, target.id)).returning();
    // the audit viewer's district: where the account now is (a supervisor reads their own district's)
    const entry = { actor, entityType: 'user', entityId: target.id, districtId: row.districtId } as const;
    if (isMoved) await audit(tx, { ...entry, action: 'user.updated', details: { from: placementOf(target), to: placementOf(row) } });
    if (isDisabling) await audit(tx, { ...entry, action: 'user.disabled' });
    if (isEnabling) await audit(tx, { ...entry, action: 'user.enabled' });
    if (isDisabling) await revoke(target.id, { sessions: true });
    else if (isMoved) await revoke(target.id, { sessions: false });
    return row;
  });
  return present(updated);
}

/** A new temporary password for the account (shown once); every session of it is revoked. */
export async function resetManagedPassword(actor: Actor, id: string) {
  const credential = await newTemporaryCredential();
  await revokingTransaction(async (tx, revoke) => {
    const target = await lockManagedUser(tx, actor, id);
    if (target.id === actor.id) throw forbidden('Change your own password from your account instead');
    await setTemporaryPassword(tx, revoke, target.id, credential.passwordHash);
    await audit(tx, { actor, action: 'user.password_reset', entityType: 'user', entityId: target.id, districtId: target.districtId });
  });
  return { temporaryPassword: credential.password };
}

/**
 * A lost authenticator: the account's two-factor enrolment is removed (secret, pending secret, last
 * used step) and every session revoked through the token epoch, so a phone or token left behind
 * stops working at once. With STAFF_TOTP=required the user must enrol again after the next sign-in.
 * Not for one's own account (turning it off there needs a current code). 409 when not enrolled.
 */
export async function resetManagedTwoFactor(actor: Actor, id: string) {
  const row = await revokingTransaction(async (tx, revoke) => {
    const target = await lockManagedUser(tx, actor, id);
    if (target.id === actor.id) throw forbidden('Turn off your own two-factor sign-in from your account instead');
    if (!target.totpEnabledAt && !target.totpPendingSecretEnc) throw new AppError('CONFLICT', 'This account has no two-factor sign-in to reset');
    const [updated] = await tx
      .update(users)
      .set({ totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, target.id))
      .returning();
    await revoke(target.id, { sessions: true });
    await audit(tx, {
      actor,
      action: 'user.totp_reset',
      entityType: 'user',
      entityId: target.id,
      districtId: target.districtId,
      details: { wasEnabled: target.totpEnabledAt !== null },
    });
    return updated;
  });
  return present(row);
}
