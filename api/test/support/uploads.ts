import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { media, tipHistory, tips } from '../../src/db/schema/index';
import { db, harness } from './harness';

/** Every file under UPLOAD_DIR (temp files included), as paths relative to it. */
export function uploadedFiles(root = harness().config.uploadDir): string[] {
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** Row counts of what a submission writes, for "nothing was left behind" checks. */
export async function tipRowCounts(): Promise<{ tips: number; media: number; history: number }> {
  const [[t], [m], [h]] = await Promise.all([
    db().select({ n: count() }).from(tips),
    db().select({ n: count() }).from(media),
    db().select({ n: count() }).from(tipHistory),
  ]);
  return { tips: t.n, media: m.n, history: h.n };
}

export const tipsOfReporter = (reporterId: string) => db().select().from(tips).where(eq(tips.reporterId, reporterId));

export type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/**
 * A multipart/form-data body built by hand, so tests can send what a browser never would: empty
 * field names, truncated forms, lying content types.
 */
export function multipart(parts: Part[], opts: { boundary?: string; close?: boolean } = {}) {
  const boundary = opts.boundary ?? `----hy${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      'data' in p
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), 'data' in p ? p.data : Buffer.from(p.value, 'utf8'), Buffer.from('\r\n'));
  }
  if (opts.close !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The text fields of a valid tip, as a form sends them. */
export function tipFields(overrides: Record<string, string> = {}): Part[] {
  const fields: Record<string, string> = {
    category: 'theft_robbery',
    description: '菜市场门口有人专门偷电动车电瓶，已经好几次了。',
    occurredAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    lat: '26.8936',
    lng: '112.5719',
    address: '雁峰区先锋路88号',
    districtId: '1',
    ...overrides,
  };
  return Object.entries(fields).map(([name, value]) => ({ name, value }));
}

/** A photo as the upload middleware hands it on: a file on disk (for calling the service directly). */
export function photoFile(data: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hy-photo-')), 'photo');
  writeFileSync(file, data);
  return file;
}
