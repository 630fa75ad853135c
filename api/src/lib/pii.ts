import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * PII at rest (real names, ID numbers): AES-256-GCM envelopes `v1.<keyId>.<iv>.<tag>.<ciphertext>`
 * (base64url parts). The first configured key encrypts; every configured key decrypts, so keys
 * rotate by prepending a new one and re-encrypting at leisure (docs/operations.md).
 */
let keys: { id: string; key: Buffer }[] = [];
export function setPiiKeys(next: { id: string; key: Buffer }[]): void {
  keys = next;
}

export function encryptPii(plain: string): string {
  const current = keys[0];
  if (!current) throw new Error('PII keys not configured');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(current.id));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function decryptPii(envelope: string): string {
  const [version, keyId, iv, tag, ct] = envelope.split('.');
  const entry = keys.find((k) => k.id === keyId);
  if (version !== 'v1' || !entry) throw new Error('unknown PII key or envelope version');
  const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** True when the envelope is not under the current key (a rotation job re-encrypts these). */
export const needsReencryption = (envelope: string) => envelope.split('.')[1] !== keys[0]?.id;
