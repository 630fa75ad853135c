import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { z } from 'zod';
import type { Config } from '../../config';
import { validationError } from '../../http/errors';
import { sharedState, slidingCount } from '../../http/rate-limit';
import { clock } from '../../lib/clock';
import { listDistricts } from '../reference/reference.service';

/**
 * Proof-of-work on anonymous submissions (ALTCHA, self-hosted: no third party sees anything).
 * A challenge is signed with our HMAC key, expires, names the district it was issued for, and is
 * accepted once. Its difficulty (how far the browser must count, like ALTCHA v1's maxnumber)
 * rises while the anonymous submissions of that district spike.
 */
export type AltchaSettings = Config['altcha'];

const EXPIRES_MS = 10 * 60_000;
/** The window in which a district's anonymous submissions are counted. */
const RATE_WINDOW_MS = 10 * 60_000;
const ALGORITHM = 'SHA-256';
/** The district field of a challenge asked for without one: good for any district. */
const ANY_DISTRICT = 0;

const rateKey = (districtId: number) => `anon-district:${districtId}`;
/** The challenge's own HMAC covers its parameters; a second key signs the derived key (cheap verification). */
const keySignatureSecret = (hmacKey: string) => createHmac('sha256', hmacKey).update('altcha-key-signature').digest('hex');

/** base below the threshold; 10× from it; 50× from four times it. */
export function difficultyForRate(rate: number, settings: AltchaSettings): number {
  if (rate >= 4 * settings.spikeThreshold) return settings.maxNumber * 50;
  if (rate >= settings.spikeThreshold) return settings.maxNumber * 10;
  return settings.maxNumber;
}

async function currentRate(districtId: number): Promise<number> {
  if (districtId !== ANY_DISTRICT) return slidingCount.read(rateKey(districtId), RATE_WINDOW_MS);
  const rates = await Promise.all((await listDistricts()).map((d) => slidingCount.read(rateKey(d.id), RATE_WINDOW_MS)));
  return Math.max(0, ...rates);
}

export async function issueChallenge(settings: AltchaSettings, districtId: number | undefined): Promise<Challenge> {
  const district = districtId ?? ANY_DISTRICT;
  const maxNumber = difficultyForRate(await currentRate(district), settings);
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(maxNumber, Math.ceil(maxNumber / 10)),
    deriveKey,
    expiresAt: new Date(clock.nowMs() + EXPIRES_MS),
    data: { districtId: district, maxNumber },
    hmacSignatureSecret: settings.hmacKey,
    hmacKeySignatureSecret: keySignatureSecret(settings.hmacKey),
  });
}

const ChallengePayload = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal(ALGORITHM),
      nonce: z.string().max(256),
      salt: z.string().max(256),
      cost: z.number().int().positive().max(1),
      keyLength: z.number().int().positive().max(64),
      keyPrefix: z.string().max(128),
      keySignature: z.string().max(256).optional(),
      expiresAt: z.number(),
      data: z.object({ districtId: z.number().int().min(0), maxNumber: z.number().int().positive() }),
    }),
    signature: z.string().max(256),
  }),
  solution: z.object({ counter: z.number().int().min(0), derivedKey: z.string().max(256), time: z.number().optional() }),
});

export type VerifiedProof = { signature: string; districtId: number; expiresAtMs: number };

/** The header is the one field of the proof: a 400 naming it, like any other bad field. */
export const PROOF_FIELD = 'X-Altcha';
const refused = (message: string) => validationError([{ field: PROOF_FIELD, message }], message);

/**
 * Checks the widget's payload (the `X-Altcha` header: base64 of `{challenge, solution}`): our
 * signature, not expired, solved. Cheap (one hash and two HMACs), so it runs before the body is read.
 */
export async function verifyProof(settings: AltchaSettings, header: string | undefined): Promise<VerifiedProof> {
  if (!header) throw refused('Anonymous submissions need a solved anti-spam challenge (X-Altcha header)');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(header.slice(0, 8192), 'base64').toString('utf8'));
  } catch {
    throw refused('The anti-spam proof is malformed');
  }
  const parsed = ChallengePayload.safeParse(decoded);
  if (!parsed.success) throw refused('The anti-spam proof is malformed');
  const payload = parsed.data as Payload & typeof parsed.data;
  const { expiresAt, data } = payload.challenge.parameters;
  if (expiresAt * 1000 <= clock.nowMs()) throw refused('The anti-spam challenge has expired; solve a new one');
  const result = await verifySolution({
    challenge: payload.challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: settings.hmacKey,
    hmacKeySignatureSecret: keySignatureSecret(settings.hmacKey),
  });
  if (result.expired) throw refused('The anti-spam challenge has expired; solve a new one');
  if (!result.verified) throw refused('The anti-spam proof is not valid');
  return { signature: payload.challenge.signature, districtId: data.districtId, expiresAtMs: expiresAt * 1000 };
}

/**
 * Spends a verified proof on the submission to `districtId`. A proof is good once; a retry of
 * the same submission (same Idempotency-Key, so it can only replay the one tip) may present it again.
 */
export async function spendProof(proof: VerifiedProof, opts: { districtId: number; idempotencyKey: string | undefined }): Promise<void> {
  if (proof.districtId !== ANY_DISTRICT && proof.districtId !== opts.districtId)
    throw refused('The anti-spam challenge was issued for another district; solve a new one');
  const owner = opts.idempotencyKey ? createHash('sha256').update(`idem:${opts.idempotencyKey}`).digest('hex') : randomUUID();
  const isMine = await sharedState.claim(`altcha:${proof.signature}`, owner, proof.expiresAtMs - clock.nowMs() + 60_000);
  if (!isMine) throw refused('This anti-spam proof was already used; solve a new one');
}

/** Counts an anonymous submission towards its district's rate (which sets the difficulty). */
export async function noteAnonymousSubmission(districtId: number): Promise<void> {
  await slidingCount.add(rateKey(districtId), RATE_WINDOW_MS);
}
