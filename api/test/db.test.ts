import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import { users } from '../src/db/schema/index';
import { createUser } from './support/factories';
import { db } from './support/harness';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('database transactions', () => {
  it('runs a transaction again when PostgreSQL aborts it as a deadlock victim, so both callers succeed', async function () {
    this.timeout(20_000);
    const [a, b] = await Promise.all([createUser(), createUser()]);
    let attempts = 0;
    // Two transactions lock the same two rows in opposite order: on the server one of them is
    // chosen as the deadlock victim (40P01) and must be retried, not surfaced. (PGlite runs
    // transactions one after another, where the same code simply succeeds.)
    const lockBoth = (first: string, second: string) =>
      db().transaction(async (tx) => {
        attempts++;
        await tx.select().from(users).where(eq(users.id, first)).for('update');
        await pause(150);
        await tx.select().from(users).where(eq(users.id, second)).for('update');
        await tx.update(users).set({ displayName: sql`${users.displayName}` }).where(eq(users.id, second));
      });
    await Promise.all([lockBoth(a.user.id, b.user.id), lockBoth(b.user.id, a.user.id)]);
    expect(attempts).to.be.at.least(2);
    if (process.env.TEST_DATABASE_URL) expect(attempts).to.equal(3);
  });

  it('gives up on an error that is not a deadlock, without running the work again', async () => {
    let attempts = 0;
    const failing = db().transaction(async (tx) => {
      attempts++;
      await tx.execute(sql`select 1/0`);
    });
    let caught: unknown;
    await failing.catch((err: unknown) => (caught = err));
    expect(caught).to.be.instanceOf(Error);
    expect(attempts).to.equal(1);
  });
});
