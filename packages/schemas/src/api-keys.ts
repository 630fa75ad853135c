import { z } from 'zod';
import { Instant, singleLine } from './fields';

export const CreateApiKey = z.strictObject({ name: singleLine({ min: 2, max: 100 }) });
export type CreateApiKey = z.infer<typeof CreateApiKey>;

/** An integrator's key as listed: never the key itself, only its prefix. */
export const ApiKey = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: Instant,
    createdBy: z.string().nullable(),
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

/** POST /api/admin/api-keys: the key, shown this once (stored hashed). */
export const IssuedApiKey = z.strictObject({ key: z.string(), apiKey: ApiKey }).meta({ id: 'IssuedApiKey' });
export type IssuedApiKey = z.infer<typeof IssuedApiKey>;

export const ApiKeyAnswer = z.strictObject({ apiKey: ApiKey }).meta({ id: 'ApiKeyAnswer' });
export type ApiKeyAnswer = z.infer<typeof ApiKeyAnswer>;

export const ApiKeyList = z.strictObject({ apiKeys: z.array(ApiKey) }).meta({ id: 'ApiKeyList' });
export type ApiKeyList = z.infer<typeof ApiKeyList>;
