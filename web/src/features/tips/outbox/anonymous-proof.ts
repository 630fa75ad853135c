import { sha, solveChallenge, type Challenge } from 'altcha/lib';
import { apiRequest } from '../../../lib/api-client';

/**
 * A fresh proof-of-work for an anonymous tip leaving the outbox: the one solved before the
 * connection dropped expires after 10 minutes (or there was none, the challenge being out of
 * reach offline). Solved here without the widget, as the widget would: the same SHA-256 challenge
 * of the tip's district, sent as base64 of `{challenge, solution}` in X-Altcha. Loaded only then.
 */
export async function solveFreshProof(districtId: number): Promise<string | null> {
  const challenge = await apiRequest<Challenge>(`/altcha/challenge?districtId=${encodeURIComponent(String(districtId))}`, { auth: 'none' });
  const solution = await solveChallenge({ challenge, deriveKey: sha.deriveKey, timeout: 120_000 });
  if (!solution) return null;
  return btoa(JSON.stringify({ challenge, solution }));
}
