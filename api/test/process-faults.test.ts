import { expect } from 'chai';
import { startAppProcess, type AppProcess } from './support/app-process';

describe('process: a fault nothing caught ends the process (one policy, docs/operations.md)', function () {
  this.timeout(400_000);

  for (const [kind, fault] of [
    ['uncaughtException', 'throw'],
    ['unhandledRejection', 'reject'],
  ] as const) {
    it(`logs an ${kind} as fatal JSON and exits 1 for the supervisor to restart`, async () => {
      let app: AppProcess | undefined;
      try {
        app = await startAppProcess({ env: { HY_TEST_FAULT: fault }, preload: ['./test/support/fault-trigger.ts'] });
        const health = await fetch(`${app.url}/healthz`);
        expect(health.status).to.equal(200);
        app.child.kill('SIGUSR2');
        const timeout = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 10_000).unref());
        const outcome = await Promise.race([app.exited, timeout]);
        expect(outcome, app.output()).to.deep.equal({ code: 1, signal: null });
        const fatal = app
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { level: number; kind?: string; err?: { message?: string } })
          .find((l) => l.level === 60);
        expect(fatal, app.output()).to.include({ kind });
        expect(fatal!.err!.message).to.match(/test fault/);
      } finally {
        await app?.stop();
      }
    });
  }
});
