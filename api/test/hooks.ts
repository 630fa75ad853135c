import { startHarness, stopHarness } from './support/harness';
import { assertLedgerInvariants } from './support/ledger-invariants';
import { clock } from '../src/lib/clock';
import { takeResponseMismatches, type ResponseMismatch } from '../src/http/response-check';

const describeMismatches = (found: ResponseMismatch[]) =>
  `answers that do not match /api/openapi.json:\n${found
    .map((m) => `  ${m.route} → ${m.status}: ${m.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`)
    .join('\n')}`;

/**
 * The test fails when an answer it caused does not match its documented schema
 * (config.checkResponses, src/http/response-check.ts). Checked at the end of the test's own
 * function, so the failure is the test's and the run goes on; afterEach catches what came later.
 */
function failOnMismatch(test: Mocha.Test) {
  const run = test.fn as ((this: Mocha.Context, done?: Mocha.Done) => unknown) | undefined;
  if (!run) return;
  const check = (err?: unknown) => {
    const found = takeResponseMismatches();
    if (found.length === 0) return err;
    const mismatch = new Error(describeMismatches(found));
    return err instanceof Error ? Object.assign(err, { message: `${err.message}\n\n${mismatch.message}` }) : mismatch;
  };
  // Mocha chose callback or promise style from the original's arity; keep it.
  test.fn = test.async
    ? function (this: Mocha.Context, done: Mocha.Done) {
        return run.call(this, (err?: unknown) => done(check(err)));
      }
    : async function (this: Mocha.Context) {
        let failure: unknown;
        try {
          await run.call(this);
        } catch (err) {
          failure = err;
        }
        const err = check(failure);
        if (err) throw err;
      };
}

/** Root hooks: one database per run, migrated once (PGlite, or a fresh database on the server). */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    await startHarness();
  },
  beforeEach(this: Mocha.Context) {
    if (this.currentTest) failOnMismatch(this.currentTest);
  },
  /** Points ledger invariants, leaderboard histogram included, after every test of every module (issue 4). */
  async afterEach(this: Mocha.Context) {
    clock.reset();
    const late = takeResponseMismatches();
    if (late.length > 0) throw new Error(`${this.currentTest?.fullTitle()}: ${describeMismatches(late)}`);
    await assertLedgerInvariants();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await stopHarness();
  },
};
