import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

/** argon2id with OWASP's second recommended profile (19 MiB, t=2). */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * Passwords people pick first, including the favourites of Chinese users; a password in this
 * list (case-insensitive) or made of one repeated character is refused.
 */
const COMMON = new Set(
  `12345678 123456789 1234567890 87654321 11111111 00000000 88888888 66666666 11223344 12341234
  password password1 password123 passw0rd qwertyui qwerty123 qwertyuiop 1qaz2wsx 1q2w3e4r 1q2w3e4r5t
  abcd1234 abc12345 abc123456 a1234567 a12345678 aa123456 asdf1234 asdfghjk zxcvbnm1 iloveyou
  woaini1314 woaini520 5201314520 52013145 5201314a 13145201 woaiwojia zhang123 wang1234 li123456
  admin123 administrator welcome1 sunshine princess football baseball dragon12 monkey12 letmein1
  superman 123qweasd qweasdzxc 123456abc 12345qwe 147258369 159357258 123321123 789456123 741852963
  demo12345 changeme hengyang 12345678a 123456789a 1234qwer qwer1234 computer internet trustno1`
    .split(/\s+/)
    .filter(Boolean),
);

export function passwordProblem(password: string, phone?: string): string | null {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is too common; choose one that is harder to guess';
  if (/^(.)\1+$/.test(password)) return 'must not be one repeated character';
  if (phone && lower.includes(phone)) return 'must not contain your phone number';
  return null;
}
