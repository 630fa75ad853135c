import { ApiError, networkError } from './api-error';
import { recordRenewal, renewalOf } from './renewal-handoff';
import { clearTokens, getSessionEpoch, getTokens, setTokens, type Tokens } from './session';

export const API_BASE = '/api';

export type UploadProgress = { loaded: number; total: number };

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data. */
  formData?: FormData;
  headers?: Record<string, string>;
  /** 'auto' sends the access token when signed in; 'none' never sends one (login, anonymous tips). */
  auth?: 'auto' | 'none';
  signal?: AbortSignal;
  /** When given, the request goes through XMLHttpRequest, the only API that reports upload progress. */
  onUploadProgress?: (progress: UploadProgress) => void;
};

type RawResponse = {
  status: number;
  header: (name: string) => string | null;
  text: () => Promise<string>;
  blob: () => Promise<Blob>;
};

function buildHeaders(options: RequestOptions, accessToken: string | null): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  return headers;
}

function bodyOf(options: RequestOptions): BodyInit | undefined {
  if (options.formData) return options.formData;
  if (options.json !== undefined) return JSON.stringify(options.json);
  return undefined;
}

function abortError(): DOMException {
  return new DOMException('The request was aborted', 'AbortError');
}

function sessionChangedError(): DOMException {
  return new DOMException('The session changed while the request was on the wire', 'AbortError');
}

async function sendWithFetch(url: string, options: RequestOptions, accessToken: string | null): Promise<RawResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers: buildHeaders(options, accessToken),
      body: bodyOf(options),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch {
    if (options.signal?.aborted) throw abortError();
    throw networkError();
  }
  return {
    status: response.status,
    header: (name) => response.headers.get(name),
    text: () => response.text(),
    blob: () => response.blob(),
  };
}

function sendWithXhr(url: string, options: RequestOptions, accessToken: string | null): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'GET', url);
    for (const [name, value] of Object.entries(buildHeaders(options, accessToken))) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      const text = xhr.responseText;
      resolve({
        status: xhr.status,
        header: (name) => xhr.getResponseHeader(name),
        text: () => Promise.resolve(text),
        blob: () => Promise.resolve(new Blob([text])),
      });
    };
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    xhr.onabort = () => reject(abortError());
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = bodyOf(options);
    xhr.send(body === undefined ? null : (body as XMLHttpRequestBodyInit));
  });
}

function send(path: string, options: RequestOptions, accessToken: string | null): Promise<RawResponse> {
  const url = path.startsWith(API_BASE) ? path : `${API_BASE}${path}`;
  return options.onUploadProgress ? sendWithXhr(url, options, accessToken) : sendWithFetch(url, options, accessToken);
}

async function errorFrom(response: RawResponse): Promise<ApiError> {
  const retryAfter = Number(response.header('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  let text: string;
  try {
    text = await response.text();
  } catch {
    return networkError();
  }
  try {
    const body: unknown = JSON.parse(text);
    const error = (body as { error?: unknown } | null)?.error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      return new ApiError({
        status: response.status,
        code: typeof code === 'string' ? code : 'HTTP_ERROR',
        message: typeof message === 'string' ? message : `HTTP ${response.status}`,
        details,
        retryAfterSeconds,
      });
    }
  } catch {
    // Not JSON: a proxy or gateway answered (HTML 502 and the like).
  }
  return new ApiError({ status: response.status, code: 'HTTP_ERROR', message: `HTTP ${response.status}`, retryAfterSeconds });
}

let refreshInFlight: Promise<string | null> | null = null;

async function refreshTokens(refreshToken: string): Promise<string | null> {
  const startedIn = getSessionEpoch();
  const response = await send('/auth/refresh', { method: 'POST', json: { refreshToken } }, null);
  // Signed out (or in as someone else) while this was on the wire: never bring the old session back.
  if (getSessionEpoch() !== startedIn) return null;
  if (response.status >= 200 && response.status < 300) {
    const tokens = JSON.parse(await response.text()) as Tokens;
    const pair = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    setTokens(pair);
    await recordRenewal(refreshToken, pair);
    return tokens.accessToken;
  }
  // The refresh token is expired, revoked or already used: the session is over.
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    clearTokens('expired');
    return null;
  }
  // 429 or 5xx: the session may still be good; report the failure without signing out.
  throw await errorFrom(response);
}

/**
 * A fresh access token after `staleToken` was refused, or null when the session has ended.
 * Single-flight: concurrent 401s share one refresh call, because the server rotates refresh
 * tokens and treats a reused one as theft (revoking the whole chain).
 */
function renewAccessToken(staleToken: string): Promise<string | null> {
  const current = getTokens();
  if (!current) return Promise.resolve(null);
  if (current.accessToken !== staleToken) return Promise.resolve(current.accessToken);
  refreshInFlight ??= acrossTabs(staleToken).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/**
 * Two tabs whose tokens expire together would both present the same refresh token, and the
 * second would look like theft. A Web Lock shared by the tabs makes them take turns: whoever
 * comes second finds the tokens already renewed and uses them — from IndexedDB, where the first
 * recorded them before letting go of the lock (renewal-handoff.ts), if its localStorage does not
 * show them yet.
 */
async function acrossTabs(staleToken: string): Promise<string | null> {
  const renew = async () => {
    const current = getTokens();
    if (!current) return null;
    if (current.accessToken !== staleToken) return current.accessToken;
    const handed = await renewalOf(current.refreshToken);
    if (handed) {
      // Only if this tab's storage still shows the spent pair (it may have caught up meanwhile, or been signed out).
      if (getTokens()?.refreshToken === current.refreshToken) setTokens(handed);
      return getTokens()?.accessToken ?? null;
    }
    return refreshTokens(current.refreshToken);
  };
  if (typeof navigator === 'undefined' || !navigator.locks) return renew();
  let renewed: string | null = null;
  await navigator.locks.request('hy-auth-refresh', async () => {
    renewed = await renew();
  });
  return renewed;
}

/**
 * Sends the request, refreshing the access token once on a 401, and returns the raw response when it
 * is a success, with a check to call once the body is read: on a shared device the answer to the
 * previous user's request must never reach the next user's screen or cache.
 */
async function sendAuthenticated(path: string, options: RequestOptions): Promise<{ response: RawResponse; ensureSameUser: () => void }> {
  const accessToken = options.auth === 'none' ? null : (getTokens()?.accessToken ?? null);
  const startedIn = getSessionEpoch();
  const ensureSameUser = () => {
    if (accessToken && getSessionEpoch() !== startedIn) throw sessionChangedError();
  };
  let response = await send(path, options, accessToken);
  if (response.status === 401 && accessToken) {
    const renewed = await renewAccessToken(accessToken);
    if (renewed && getSessionEpoch() === startedIn) response = await send(path, options, renewed);
  }
  ensureSameUser();
  if (response.status < 200 || response.status >= 300) throw await errorFrom(response);
  return { response, ensureSameUser };
}

/** Calls the API and returns the parsed JSON body (undefined for 204); throws ApiError otherwise. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { response, ensureSameUser } = await sendAuthenticated(path, options);
  const text = await response.text();
  ensureSameUser();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Downloads a protected file (tip media) as a Blob, with the same token handling. */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const { response, ensureSameUser } = await sendAuthenticated(path, { ...options, headers: { Accept: '*/*', ...options.headers } });
  const blob = await response.blob();
  ensureSameUser();
  return blob;
}
