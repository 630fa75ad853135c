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
