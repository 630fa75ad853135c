/**
 * Tip submission throughput and p99 (autocannon) against a bare Express route measured in the
 * same run, on PGlite (default) or on the PostgreSQL server:
 *
 *   npx tsx scripts/bench/tips.ts                       # PGlite (embedded)
 *   npx tsx scripts/bench/tips.ts --db postgres         # hy_bench on 127.0.0.1:5432 (recreated)
 *   options: --seconds 15 --connections 10 --volunteers 200 --json
 *
 * Three runs: the bare route (express.json + a tiny JSON answer), JSON submissions, and
 * multipart submissions with one 1920×1440 JPEG. Each request comes from another volunteer
 * (their own token) with its own Idempotency-Key, as the web app sends them.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import express from 'express';
import sharp from 'sharp';
import { asc } from 'drizzle-orm';
import { communities, users } from '../../api/src/db/schema/index';
import { actorOf } from '../../api/src/modules/auth/auth.service';
import { signAccessToken } from '../../api/src/modules/auth/tokens';
import { freshServerDatabase, listen, load, machine, startApp, table, type LoadSummary } from './support';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    volunteers: { type: 'string', default: '200' },
    json: { type: 'boolean', default: false },
    /** Profiling aid: run only the JSON submissions (after the bare route). */
    'json-only': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const volunteerCount = Number(values.volunteers);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_bench';

/** A camera-like photo: smooth gradients with mild noise (compresses like a real scene, ~0.5 MB). */
async function samplePhoto(): Promise<Buffer> {
  const width = 1920;
  const height = 1440;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const noise = (Math.random() - 0.5) * 24;
      raw[i] = 120 + 80 * Math.sin(x / 97) + noise;
      raw[i + 1] = 110 + 70 * Math.cos(y / 61) + noise;
      raw[i + 2] = 100 + 60 * Math.sin((x + y) / 143) + noise;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

function multipart(fields: Record<string, string>, photo: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----hybench${randomUUID().replaceAll('-', '')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    photo,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function main(): Promise<void> {
  const onServer = values.db === 'postgres';
  if (onServer) await freshServerDatabase(serverUrl);
  const running = await startApp({ databaseUrl: onServer ? serverUrl : undefined });
  const db = running.database.db;

  // Distinct volunteers spread over the districts' communities, each with a signed token.
  const comms = await db.select({ id: communities.id, districtId: communities.districtId }).from(communities).orderBy(asc(communities.id));
  const rows = await db
    .insert(users)
    .values(
      Array.from({ length: volunteerCount }, (_, i) => {
        const c = comms[i % comms.length];
        return {
          phone: `188${String(i).padStart(8, '0')}`,
          passwordHash: 'not-used-by-the-benchmark',
          displayName: `压测群众${i}`,
          role: 'volunteer' as const,
          communityId: c.id,
          districtId: c.districtId,
        };
      }),
    )
    .returning();
  const volunteers = rows.map((u) => ({ token: `Bearer ${signAccessToken(actorOf(u))}`, districtId: u.districtId ?? 1 }));

  const photo = await samplePhoto();
  let n = 0;
  const tipFields = (districtId: number) => ({
    category: 'fraud',
    description: `有人冒充客服打电话要求转账退款，号码尾号${n}，请核查。`,
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    lat: '26.8936',
    lng: '112.5719',
    address: '雁峰区先锋路88号',
    districtId: String(districtId),
  });

  const bareApp = express();
  bareApp.use(express.json({ limit: '64kb' }));
  bareApp.post('/bare', (req, res) => {
    res.status(201).json({ ok: true, got: Object.keys(req.body ?? {}).length });
  });
  const bare = await listen(bareApp);

  const results: LoadSummary[] = [];
  results.push(
    await load({
      label: 'bare Express route (JSON)',
      url: bare.url,
      connections,
      seconds,
      next: () => ({
        method: 'POST',
        path: '/bare',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(tipFields(1)),
      }),
    }),
  );
  results.push(
    await load({
      label: 'POST /api/tips JSON',
      url: running.url,
      connections,
      seconds,
      next: () => {
        const v = volunteers[n++ % volunteers.length];
        const { lat, lng, districtId, ...rest } = tipFields(v.districtId);
        return {
          method: 'POST',
          path: '/api/tips',
          headers: { 'content-type': 'application/json', authorization: v.token, 'idempotency-key': `bench-${randomUUID()}` },
          body: JSON.stringify({ ...rest, lat: Number(lat), lng: Number(lng), districtId: Number(districtId) }),
        };
      },
    }),
  );
  if (!values['json-only']) results.push(
    await load({
      label: 'POST /api/tips multipart, 1 photo',
      url: running.url,
      connections,
      seconds,
      next: () => {
        const v = volunteers[n++ % volunteers.length];
        const { body, contentType } = multipart(tipFields(v.districtId), photo);
        return {
          method: 'POST',
          path: '/api/tips',
          headers: { 'content-type': contentType, authorization: v.token, 'idempotency-key': `bench-${randomUUID()}` },
          body,
        };
      },
    }),
  );

  await bare.close();
  await running.close();

  const [bareRun, jsonRun, photoRun = jsonRun] = results;
  const report = {
    machine: machine(),
    database: onServer ? 'PostgreSQL server (pool 10)' : 'PGlite (embedded)',
    photoBytes: photo.length,
    results,
    ratio: {
      json: Math.round((jsonRun.rps / bareRun.rps) * 1000) / 10,
      multipart: Math.round((photoRun.rps / bareRun.rps) * 1000) / 10,
    },
  };
  if (values.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  process.stdout.write(`${report.database}, ${connections} connections, ${seconds} s each, photo ${Math.round(photo.length / 1024)} KB\n\n`);
  process.stdout.write(
    table(
      results.map((r) => ({
        run: r.label,
        'req/s': r.rps,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'max ms': r.max,
        requests: r.requests,
        'non-2xx': r.non2xx,
        errors: r.errors,
      })),
    ) + '\n',
  );
  process.stdout.write(`\nJSON submission = ${report.ratio.json} % of the bare route (target ≥ 35 %); multipart with a photo = ${report.ratio.multipart} %\n`);
  for (const r of results) if (r.non2xx || r.errors) process.stdout.write(`  ${r.label}: status codes ${JSON.stringify(r.statusCodes)}\n`);
}

await main();
