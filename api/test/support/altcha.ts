import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type express from 'express';
import supertest from 'supertest';

/**
 * What the browser widget does, in Node: fetch a challenge, count until the derived key matches,
 * and encode `{challenge, solution}` as the `X-Altcha` header value. `app` is an app in this
 * process, or the base URL of one listening elsewhere.
 */
export async function solvedProof(app: express.Express | string, districtId?: number): Promise<{ header: string; challenge: Challenge }> {
  const challenge = await fetchChallenge(app, districtId);
  return { header: encodeProof(challenge, await solve(challenge)), challenge };
}

export async function fetchChallenge(app: express.Express | string, districtId?: number): Promise<Challenge> {
  const url = `/api/altcha/challenge${districtId ? `?districtId=${districtId}` : ''}`;
  if (typeof app !== 'string') return (await supertest(app).get(url).expect(200)).body as Challenge;
  const res = await fetch(`${app}${url}`);
  if (!res.ok) throw new Error(`challenge: ${res.status}`);
  return (await res.json()) as Challenge;
}

export async function solve(challenge: Challenge) {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge not solved');
  return solution;
}

export const encodeProof = (challenge: Challenge, solution: unknown) =>
  Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
