import { useSyncExternalStore } from 'react';
import { local } from './safe-storage';

export type Tokens = { accessToken: string; refreshToken: string };
export type SignOutReason = 'signed_out' | 'expired';
/** `userId` names whose session this is (the access token's subject); null when signed out. */
export type SessionState = { isSignedIn: boolean; userId: string | null; lastSignOut: SignOutReason | null };
/** Told when the signed-in user changes: sign-in, sign-out, expiry, another user signing in, another tab doing any of these. */
export type UserChange = { previousUserId: string | null; userId: string | null };

const STORAGE_KEY = 'hy.auth';

const listeners = new Set<() => void>();
const userChangeListeners = new Set<(change: UserChange) => void>();
let state: SessionState = stateFrom(readTokens(), null);
/** Bumped whenever the user changes: a response to a request sent under an older epoch belongs to someone else. */
let epoch = 0;

function readTokens(): Tokens | null {
  const raw = local.get(STORAGE_KEY);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { accessToken, refreshToken } = value as Record<string, unknown>;
    if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') return null;
    return { accessToken, refreshToken };
  } catch {
    return null;
  }
}

/** The subject of a JWT, read without verifying it: only to tell one user's session from another's. */
function subjectOf(accessToken: string): string {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { sub } = JSON.parse(json) as { sub?: unknown };
    if (typeof sub === 'string' && sub) return sub;
  } catch {
    // Not a JWT we can read: the token itself names the session.
  }
  return accessToken;
}

function stateFrom(tokens: Tokens | null, lastSignOut: SignOutReason | null): SessionState {
  return tokens
    ? { isSignedIn: true, userId: subjectOf(tokens.accessToken), lastSignOut: null }
    : { isSignedIn: false, userId: null, lastSignOut };
}

function emit(next: SessionState) {
  const previousUserId = state.userId;
  state = next;
  if (next.userId !== previousUserId) {
    epoch += 1;
    // Before anything re-renders: what belonged to the previous user is gone by the time the next one is shown.
    for (const listener of userChangeListeners) listener({ previousUserId, userId: next.userId });
  }
  for (const listener of listeners) listener();
}

export function getTokens(): Tokens | null {
  return readTokens();
}

/** Stores the tokens of a sign-in, a registration or a renewal; a different user than before ends the previous session first. */
export function setTokens(tokens: Tokens): void {
  local.set(STORAGE_KEY, JSON.stringify(tokens));
  emit(stateFrom(tokens, null));
}

export function clearTokens(reason: SignOutReason): void {
  local.remove(STORAGE_KEY);
  emit(stateFrom(null, reason));
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Listeners run synchronously, in the order added, before the session's React subscribers. */
export function onUserChange(listener: (change: UserChange) => void): () => void {
  userChangeListeners.add(listener);
  return () => userChangeListeners.delete(listener);
}

export function getSessionState(): SessionState {
  return state;
}

export function getSessionEpoch(): number {
  return epoch;
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState);
}

// Another tab signed in, out, or as someone else: follow it, so this tab never keeps using revoked
// tokens nor shows the previous user's data. (localStorage's `storage` event is the channel between tabs.)
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY && event.key !== null) return;
  const next = stateFrom(readTokens(), 'signed_out');
  if (next.userId !== state.userId) emit(next);
});
