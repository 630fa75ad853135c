import { startHarness, stopHarness } from './support/harness';

/** Root hooks: one database per run, migrated once (PGlite, or a fresh database on the server). */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    await startHarness();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await stopHarness();
  },
};
