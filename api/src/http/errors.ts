export const statusByCode = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  /** The password was right; the account needs its authenticator code (`totp`). */
  TOTP_REQUIRED: 401,
  /** The password was right; the authenticator code is wrong, expired or already used. */
  TOTP_INVALID: 401,
  FORBIDDEN: 403,
  /** Signed in with a temporary password: only POST /api/auth/password is allowed. */
  PASSWORD_CHANGE_REQUIRED: 403,
  /** STAFF_TOTP=required: this staff account must enrol two-factor sign-in first. */
  TOTP_ENROLMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** Specific conflicts a person can act on; the web shows each in the page's language. */
  PHONE_TAKEN: 409,
  AUXILIARY_TAKEN: 409,
  CLAIMED: 409,
  TIP_STATUS: 409,
  CASE_STATUS: 409,
  ALREADY_LINKED: 409,
  TOO_LATE: 409,
  NOT_ENOUGH_POINTS: 409,
  OUT_OF_STOCK: 409,
  REWARD_INACTIVE: 409,
  REDEMPTION_DONE: 409,
  ARCHIVED: 409,
  /** Campaigns (docs/campaigns.md): no place left; ended; not joined; not checked in; already checked out; leaving after check-in. */
  FULL: 409,
  CAMPAIGN_ENDED: 409,
  NOT_JOINED: 409,
  NOT_CHECKED_IN: 409,
  ALREADY_CHECKED_OUT: 409,
  ALREADY_CHECKED_IN: 409,
  /** On-site verification (docs/verification.md): no auxiliary in that community; a task already open for the tip; a task already reported. */
  NO_AUXILIARY: 409,
  VERIFICATION_OPEN: 409,
  ALREADY_REPORTED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  UNPROCESSABLE: 422,
  /** The tip was sent anonymously: there is nobody to reveal. */
  ANONYMOUS_TIP: 422,
  /** The Idempotency-Key was used before for another request. */
  IDEMPOTENCY_MISMATCH: 422,
  /** Campaign check-in refused: outside the time window, outside the area, GPS too poor, or an impossible journey. */
  OUT_OF_TIME: 422,
  OUT_OF_AREA: 422,
  POOR_ACCURACY: 422,
  IMPLAUSIBLE_MOVEMENT: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
} as const;

export type ErrorCode = keyof typeof statusByCode;

/** The one error type services throw; only the error handler turns it into a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return statusByCode[this.code];
  }
}

export type FieldIssue = { field: string; message: string };

export const validationError = (details: FieldIssue[], message = 'Some fields are invalid') =>
  new AppError('VALIDATION', message, details);
export const badRequest = (message: string, details?: unknown) => new AppError('BAD_REQUEST', message, details);
export const unauthenticated = (message = 'Sign in required') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You may not do this') => new AppError('FORBIDDEN', message);
export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const unprocessable = (message: string, details?: unknown) => new AppError('UNPROCESSABLE', message, details);
export const unsupportedMedia = (message: string, details?: unknown) =>
  new AppError('UNSUPPORTED_MEDIA', message, details);
export const payloadTooLarge = (message: string, details?: unknown) =>
  new AppError('PAYLOAD_TOO_LARGE', message, details);
