import { useSyncExternalStore } from 'react';
import { local } from './safe-storage';

export type Tokens = { accessToken: string; refreshToken: string };
export type SignOutReason = 'signed_out' | 'expired';
export type SessionState = { isSignedIn: boolean; lastSignOut: SignOutReason | null };

const STORAGE_KEY = 'hy.auth';

let state: SessionState = { isSignedIn: readTokens() !== null, lastSignOut: null };
const listeners = new Set<() => void>();

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

function emit(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export function getTokens(): Tokens | null {
  return readTokens();
}

export function setTokens(tokens: Tokens): void {
  local.set(STORAGE_KEY, JSON.stringify(tokens));
  emit({ isSignedIn: true, lastSignOut: null });
}

export function clearTokens(reason: SignOutReason): void {
  local.remove(STORAGE_KEY);
  emit({ isSignedIn: false, lastSignOut: reason });
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSessionState(): SessionState {
  return state;
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState);
}

// Another tab signed in or out: follow it, so this tab never keeps using revoked tokens.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY && event.key !== null) return;
  const isSignedIn = readTokens() !== null;
  if (isSignedIn !== state.isSignedIn) emit({ isSignedIn, lastSignOut: isSignedIn ? null : 'signed_out' });
});
