export type FieldIssue = { field: string; message: string };

/** Every failure the API client reports: an HTTP error answer, or status 0 when the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from a 429's Retry-After header, when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(init: { status: number; code: string; message: string; details?: unknown; retryAfterSeconds?: number | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The per-field issues of a 400, or an empty list. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(isFieldIssue);
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof message === 'string';
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'The server could not be reached' });
}

/**
 * Groups field issues by the top-level field name ("photos.2" and "photos[2]" both become "photos"),
 * keeping the first message for each field.
 */
export function issuesByField(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.fieldIssues) {
    const field = issue.field.split(/[.[]/)[0] ?? issue.field;
    out[field] ??= issue.message;
  }
  return out;
}
