import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { notFound, validationError } from '../../http/errors';
import { audit } from '../audit/audit.service';
import type { ChangePasswordInput } from '@hy/schemas/auth';
import { startSession, type Session } from './auth.service';
import { revokingTransaction } from './credentials';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

/**
 * The signed-in user changes their own password (also the way out of a temporary one): every
 * other session — refresh tokens and access tokens already issued — is revoked, and the caller
 * gets a new pair.
 */
export async function changeOwnPassword(actor: Actor, input: ChangePasswordInput): Promise<Session> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw notFound('User');
  // 400, not 401: the session is fine, one field is wrong (a 401 would sign the web app out).
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw validationError([{ field: 'currentPassword', message: 'is not your current password' }], 'The current password is wrong');
  const problem =
    input.newPassword === input.currentPassword ? 'must differ from the current password' : passwordProblem(input.newPassword, user.phone);
  if (problem) throw validationError([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  return revokingTransaction(async (tx, revoke) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, actor.id));
    await revoke(actor.id, { sessions: true });
    const [updated] = await tx.select().from(users).where(eq(users.id, actor.id));
    await audit(tx, {
      actor,
      action: user.mustChangePassword ? 'user.temporary_password_replaced' : 'user.password_changed',
      entityType: 'user',
      entityId: actor.id,
    });
    return startSession(tx, updated);
  });
}
