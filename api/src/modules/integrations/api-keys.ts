import type { ApiKey } from '@hy/schemas/api-keys';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { db } from '../../db/client';
import { apiKeys, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { audit } from '../audit/audit.service';

/** 32 random bytes, base64url: `hy_` + 43 characters. Shown once; only its SHA-256 is kept. */
const newKey = () => `hy_${randomBytes(32).toString('base64url')}`;
const hashOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');
const PREFIX_LENGTH = 8;

type KeyRow = typeof apiKeys.$inferSelect;

const present = (row: KeyRow, createdByName: string | null): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  createdBy: createdByName,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function createApiKey(actor: Actor, input: { name: string }) {
  const key = newKey();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({ name: input.name, keyHash: hashOf(key), prefix: key.slice(0, PREFIX_LENGTH), createdBy: actor.id, createdAt: clock.now() })
      .returning();
    await audit(tx, { actor, action: 'api_key.create', entityType: 'api_key', entityId: created.id, details: { name: input.name } });
    return created;
  });
  return { key, apiKey: present(row, null) };
}

export async function listApiKeys() {
  const rows = await db
    .select({ key: apiKeys, createdByName: users.displayName })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(500);
  return { apiKeys: rows.map((r) => present(r.key, r.createdByName)) };
}

/** Revoked at once for every later request; revoking again changes nothing. */
export async function revokeApiKey(actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
    if (!row) throw notFound('API key');
    if (row.revokedAt) return { apiKey: present(row, null) };
    const [revoked] = await tx.update(apiKeys).set({ revokedAt: clock.now() }).where(eq(apiKeys.id, id)).returning();
    await audit(tx, { actor, action: 'api_key.revoke', entityType: 'api_key', entityId: id, details: { name: row.name } });
    return { apiKey: present(revoked, null) };
  });
}

/** The live key's id, or null for a missing, unknown or revoked key. */
export async function apiKeyIdOf(key: string | undefined): Promise<string | null> {
  if (!key) return null;
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: clock.now() })
    .where(and(eq(apiKeys.keyHash, hashOf(key)), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return row?.id ?? null;
}
