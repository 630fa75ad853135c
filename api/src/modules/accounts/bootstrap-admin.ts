import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { conflict } from '../../http/errors';
import { audit } from '../audit/audit.service';
import { newTemporaryCredential, revokingTransaction, setTemporaryPassword } from '../auth/credentials';

/**
 * For operators at the console (`npm run create-admin`), where no admin exists yet to create one:
 * a new admin with a temporary password, or — for an existing admin who is locked out — a new
 * temporary password (every session revoked, account enabled). Never turns another role into an
 * admin. Audited with no actor and `via: console`.
 */
export async function bootstrapAdmin(input: { phone: string; displayName: string }) {
  const credential = await newTemporaryCredential();
  const outcome = await revokingTransaction(async (tx, revoke) => {
    const [existing] = await tx.select().from(users).where(eq(users.phone, input.phone)).for('update');
    if (existing && existing.role !== 'admin')
      throw conflict(`This phone number belongs to a ${existing.role} account; use another number`);
    if (existing) {
      await setTemporaryPassword(tx, revoke, existing.id, credential.passwordHash);
      await tx.update(users).set({ disabledAt: null }).where(eq(users.id, existing.id));
      await audit(tx, { actor: null, action: 'user.password_reset', entityType: 'user', entityId: existing.id, details: { via: 'console' } });
      return { userId: existing.id, created: false };
    }
    const [user] = await tx
      .insert(users)
      .values({ phone: input.phone, passwordHash: credential.passwordHash, displayName: input.displayName, role: 'admin', mustChangePassword: true })
      .returning();
    await audit(tx, { actor: null, action: 'user.created', entityType: 'user', entityId: user.id, details: { role: 'admin', via: 'console' } });
    return { userId: user.id, created: true };
  });
  return { ...outcome, temporaryPassword: credential.password };
}
