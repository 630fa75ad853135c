import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MAP_CRS } from '@hy/schemas/tip-map';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  PII_KEYS: z.string().optional(),
  UPLOAD_DIR: z.string().optional(),
  WEB_DIST: z.string().optional(),
  REDIS_URL: z.url().optional(),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().default('loopback'),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  CLAIM_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  VERIFY_DUE_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(24),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(10),
  REFRESH_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  TRACK_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  ANON_TIP_LIMIT: z.coerce.number().int().min(1).default(5),
  ANON_TIP_NETWORK_LIMIT: z.coerce.number().int().min(1).default(30),
  TIP_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(20),
  MESSAGE_LIMIT: z.coerce.number().int().min(1).default(30),
  MESSAGE_NETWORK_LIMIT: z.coerce.number().int().min(1).default(200),
  ALTCHA_HMAC_KEY: z.string().min(32, 'ALTCHA_HMAC_KEY must be at least 32 characters').optional(),
  ALTCHA_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(100_000),
  ALTCHA_SPIKE_THRESHOLD: z.coerce.number().int().min(1).default(20),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  STAFF_TOTP: z.enum(['optional', 'required']).default('optional'),
  MAP_TILE_URL: z
    .string()
    .regex(/^(https?:\/\/[^\s"'<>]+|\/[^\s"'<>]*)$/, 'MAP_TILE_URL must be an http(s) URL or a path on this server')
    .refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'MAP_TILE_URL must contain {z}, {x} and {y}')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILE_CRS: z.enum(MAP_CRS).default('wgs84'),
  MAP_TILE_ATTRIBUTION: z.string().max(300).default('© OpenStreetMap contributors'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** A statement running longer is cancelled (503); a connection silent longer is dropped. 0 = off. */
  databaseStatementTimeoutMs: number;
  jwtSecret: string;
  /** AES-256-GCM keys for PII at rest: the first encrypts, all decrypt (rotation). */
  piiKeys: { id: string; key: Buffer }[];
  uploadDir: string;
  webDist: string | undefined;
  redisUrl: string | undefined;
  seedDemo: boolean;
  logLevel: string;
  /** Express `trust proxy`: a hop count as a number, else the addresses/names Express accepts. */
  trustProxy: string | number;
  /** false only with RATE_LIMITS=off: every request budget and the anonymous proof-of-work are off. */
  rateLimits: boolean;
  claimTtlMinutes: number;
  /** An on-site verification task is due this many hours after police request it. */
  verifyDueHours: number;
  retentionDays: number;
  /** Failed sign-ins per address per 15 min (also registrations per address per hour). */
  authRateLimit: number;
  /** Failed sign-ins per account (phone) per 15 min. */
  loginAccountLimit: number;
  /** Token refreshes per address per 15 min. */
  refreshRateLimit: number;
  /** Failed tracking attempts per client per 15 min. */
  trackRateLimit: number;
  /** Anonymous tips per client / per network (/24, /64) per 10 min. */
  anonTipLimit: number;
  anonTipNetworkLimit: number;
  /** Tips per signed-in volunteer per hour. */
  tipAccountLimit: number;
  /** Messages per client or account / per network per 10 min. */
  messageLimit: number;
  messageNetworkLimit: number;
  /** Proof-of-work on anonymous submissions: HMAC key, base difficulty, district spike threshold. */
  altcha: { hmacKey: string; maxNumber: number; spikeThreshold: number };
  shutdownTimeoutMs: number;
  /** `required`: police and admins must enrol two-factor sign-in before they can use anything else. */
  staffTotp: 'optional' | 'required';
  /**
   * The base map the web draws under tips: a tile URL template ({s} {z} {x} {y}), and the datum
   * its tiles are drawn in (`gcj02` for Chinese providers: the web shifts WGS-84 points with gcoord).
   */
  mapTiles: { url: string; crs: (typeof MAP_CRS)[number]; attribution: string };
  /** Parse every JSON answer with its documented schema and report a mismatch (api/src/http/response-check.ts): the tests turn it on. */
  checkResponses: boolean;
};

/** A secret kept in DATA_DIR when the environment does not give one: never a constant in the code. */
function persistedSecret(dataDir: string, name: string, make: () => string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = make();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

/** PII_KEYS is `id:base64key[,id:base64key…]`, newest first. */
function parsePiiKeys(spec: string): { id: string; key: Buffer }[] {
  return spec.split(',').map((part) => {
    const [id, b64] = part.trim().split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`PII_KEYS: entry "${id}" must be id:<32 bytes base64>`);
    return { id, key };
  });
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const bad = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${bad}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const jwtSecret = e.JWT_SECRET ?? persistedSecret(dataDir, 'jwt-secret', () => randomBytes(48).toString('base64url'));
  const altchaKey = e.ALTCHA_HMAC_KEY ?? persistedSecret(dataDir, 'altcha-key', () => randomBytes(32).toString('base64url'));
  const piiSpec =
    e.PII_KEYS ?? persistedSecret(dataDir, 'pii-keys', () => `k1:${randomBytes(32).toString('base64')}`);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    jwtSecret,
    piiKeys: parsePiiKeys(piiSpec),
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : undefined,
    redisUrl: e.REDIS_URL,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    rateLimits: e.RATE_LIMITS === 'on',
    claimTtlMinutes: e.CLAIM_TTL_MINUTES,
    verifyDueHours: e.VERIFY_DUE_HOURS,
    retentionDays: e.RETENTION_DAYS,
    authRateLimit: e.AUTH_RATE_LIMIT,
    loginAccountLimit: e.LOGIN_ACCOUNT_LIMIT,
    refreshRateLimit: e.REFRESH_RATE_LIMIT,
    trackRateLimit: e.TRACK_RATE_LIMIT,
    anonTipLimit: e.ANON_TIP_LIMIT,
    anonTipNetworkLimit: e.ANON_TIP_NETWORK_LIMIT,
    tipAccountLimit: e.TIP_ACCOUNT_LIMIT,
    messageLimit: e.MESSAGE_LIMIT,
    messageNetworkLimit: e.MESSAGE_NETWORK_LIMIT,
    altcha: { hmacKey: altchaKey, maxNumber: e.ALTCHA_MAX_NUMBER, spikeThreshold: e.ALTCHA_SPIKE_THRESHOLD },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    staffTotp: e.STAFF_TOTP,
    mapTiles: { url: e.MAP_TILE_URL, crs: e.MAP_TILE_CRS, attribution: e.MAP_TILE_ATTRIBUTION },
    checkResponses: false,
  };
}
