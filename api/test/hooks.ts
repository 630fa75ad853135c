import { startHarness, stopHarness } from './support/harness';
import { assertLedgerInvariants } from './support/ledger-invariants';
import { clock } from '../src/lib/clock';

/** Root hooks: one database per run, migrated once (PGlite, or a fresh database on the server). */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    await startHarness();
  },
  /** Points ledger invariants, leaderboard histogram included, after every test of every module (issue 4). */
  async afterEach() {
    clock.reset();
    await assertLedgerInvariants();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await stopHarness();
  },
};
