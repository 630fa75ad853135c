import type { Context } from 'mocha';

/**
 * For a test that needs a service (Redis, the PostgreSQL server): on a developer's machine
 * without it the test is skipped; under CI=true — where .ci/run installs and starts every
 * service — a missing service fails the test instead of skipping it silently.
 */
export function requireService(ctx: Context, what: string, isAvailable: boolean): void {
  if (isAvailable) return;
  if (process.env.CI === 'true') throw new Error(`${what} is not available (CI=true: .ci/run must provide it)`);
  ctx.skip();
}

/**
 * For a test about the PostgreSQL server itself (its connections, restarts, a real process on
 * it): it belongs to the server pass of `npm test` (TEST_DATABASE_URL set; .ci/run runs both
 * passes) and is pending in the embedded PGlite pass, which has no server by design. Not a
 * missing service: in the server pass, a server that cannot be reached fails the test.
 */
export function serverPassOnly(ctx: Context): void {
  if (!process.env.TEST_DATABASE_URL) ctx.skip();
}
