/**
 * Creates the first admin of a production database (where no demo accounts are seeded), or gives
 * a locked-out admin a new temporary password:
 *
 *   npm run create-admin -- --phone 13912345678 --name "市局管理员"
 *
 * Prints the temporary password once, on stdout only; it must be changed at the first sign-in.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config';
import { AppError } from '../http/errors';
import { parse } from '../http/validate';
import { createLogger } from '../lib/logger';
import { DisplayName, Phone } from '@hy/schemas/auth';
import { bootstrapAdmin } from '../modules/accounts/bootstrap-admin';
import { startRuntime, stopRuntime } from '../runtime';

const { values } = parseArgs({ options: { phone: { type: 'string' }, name: { type: 'string' } } });
let input: { phone: string; displayName: string };
try {
  input = parse(z.object({ phone: Phone, displayName: DisplayName }), { phone: values.phone, displayName: values.name ?? '系统管理员' });
} catch (err) {
  process.stderr.write(`usage: npm run create-admin -- --phone <mobile> [--name <display name>]\n${JSON.stringify((err as AppError).details)}\n`);
  process.exit(2);
}

const config = loadConfig();
const log = createLogger(config.logLevel, process.stderr);
const database = await startRuntime(config, log);
try {
  const result = await bootstrapAdmin(input);
  process.stdout.write(
    `${result.created ? 'Created admin' : 'Reset the password of admin'} ${input.phone}.\n` +
      `Temporary password (shown once; it must be changed at the first sign-in): ${result.temporaryPassword}\n`,
  );
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
} finally {
  await stopRuntime();
  await database.close();
}
