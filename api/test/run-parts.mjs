#!/usr/bin/env node
// `npm test -w api`: the HTTP/unit tests and the browser specs as two mocha processes side by side.
// Each process is a whole test run of its own (its own database, data directory, ports, Chromium
// profiles), exactly as two developers' runs on one machine; the browser specs spend most of their
// time waiting for a page, so the other part uses the core meanwhile. Each part's output is
// printed whole when it ends; the exit code is non-zero when either part failed.
// With arguments (`npm test -w api -- test/tips.test.ts`), one mocha runs just those.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

// Wherever npm put it (workspaces hoist it to the root node_modules).
const MOCHA = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');

const mocha = (args) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [MOCHA, ...args], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: new URL('..', import.meta.url).pathname,
    });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output: Buffer.concat(chunks), seconds: (Date.now() - started) / 1000 }));
  });

const extra = process.argv.slice(2);
if (extra.length) {
  const child = spawn(process.execPath, [MOCHA, ...extra], { stdio: 'inherit', cwd: new URL('..', import.meta.url).pathname });
  child.on('close', (code) => process.exit(code ?? 1));
} else {
  const parts = [
    { name: 'API and web unit tests', args: ['test/**/*.test.ts', '../web/test/*.test.ts'] },
    { name: 'browser specs', args: ['../web/e2e/**/*.spec.ts'] },
  ];
  let failed = false;
  const runPart = async (part) => {
    const result = await mocha(part.args);
    const outcome = result.code === 0 ? 'passed' : `FAILED (exit ${result.code}${result.signal ? `, ${result.signal}` : ''})`;
    process.stdout.write(`\n== ${part.name}: ${outcome} in ${result.seconds.toFixed(0)} s\n`);
    process.stdout.write(result.output);
    if (result.code !== 0) failed = true;
  };
  // TEST_PARTS=serial: one part after the other (.ci/run, which already runs two passes side by
  // side: four mocha processes on two cores made timing-sensitive browser tests flaky).
  if (process.env.TEST_PARTS === 'serial') for (const part of parts) await runPart(part);
  else await Promise.all(parts.map(runPart));
  process.exit(failed ? 1 : 0);
}
