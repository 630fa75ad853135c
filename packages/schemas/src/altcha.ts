import { z } from 'zod';

export const ChallengeQuery = z.strictObject({ districtId: z.coerce.number().int().positive().max(32767).optional() });
export type ChallengeQuery = z.infer<typeof ChallengeQuery>;

/** An ALTCHA v2 challenge as altcha-lib makes it; the widget solves it and sends the answer as `X-Altcha`. */
export const AltchaChallenge = z
  .strictObject({
    parameters: z.strictObject({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      memoryCost: z.number().optional(),
      parallelism: z.number().optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().optional(),
  })
  .meta({ id: 'AltchaChallenge' });
export type AltchaChallenge = z.infer<typeof AltchaChallenge>;
