import type { ErrorRequestHandler, RequestHandler } from 'express';
import multer from 'multer';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError } from './errors';
import { issuesOf } from './validate';

const MULTER: Record<string, [AppError['code'], string]> = {
  LIMIT_FILE_SIZE: ['PAYLOAD_TOO_LARGE', 'A photo is larger than 15 MB'],
  LIMIT_FILE_COUNT: ['PAYLOAD_TOO_LARGE', 'At most 6 photos per tip'],
  LIMIT_PART_COUNT: ['PAYLOAD_TOO_LARGE', 'Too many parts in the form'],
  LIMIT_FIELD_COUNT: ['PAYLOAD_TOO_LARGE', 'Too many fields in the form'],
  LIMIT_FIELD_VALUE: ['PAYLOAD_TOO_LARGE', 'A form field is too long'],
  LIMIT_FIELD_KEY: ['BAD_REQUEST', 'A form field name is too long'],
  LIMIT_UNEXPECTED_FILE: ['BAD_REQUEST', 'Photos must be sent in the "photos" field, at most 6'],
  MISSING_FIELD_NAME: ['BAD_REQUEST', 'A form part has no field name'],
};

/**
 * SQLSTATE class 22 (data exception): a value the database cannot take — a NUL in text (22021),
 * a date or number out of range (22008, 22009, 22003), text that is not a number or UUID (22P02),
 * text too long (22001). Schemas refuse such input first (docs/architecture.md "Input hygiene");
 * this is the last line of defence, so bad input is a 400, never a 500.
 */
const isDataException = (code: string | undefined): boolean => code !== undefined && /^22[0-9A-Z]{3}$/.test(code);

/** The SQLSTATE of a PostgreSQL error, thrown directly or wrapped by drizzle. */
function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof e?.code === 'string' ? e.code : e?.cause?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** PostgreSQL errors a client can cause, or that mean "try again" rather than "bug". */
function fromPostgres(err: { code?: string }): AppError | null {
  if (isDataException(err.code))
    return new AppError('VALIDATION', 'A value is malformed or out of range', [{ field: '(root)', message: 'a value is malformed or out of range' }]);
  switch (err.code) {
    case '23505':
      return new AppError('CONFLICT', 'This conflicts with an existing record');
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'Another change happened at the same moment; try again');
    // Connections terminated or refused by the server; 57014: a statement cancelled by the
    // server's statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS).
    case '57P01':
    case '57P02':
    case '57P03':
    case '53300':
    case '57014':
      return databaseUnavailable();
    default:
      // Class 08: connection exceptions.
      return err.code?.startsWith('08') ? databaseUnavailable() : null;
  }
}

const databaseUnavailable = () =>
  new AppError('UNAVAILABLE', 'The database is unavailable; try again shortly', undefined, { 'Retry-After': '5' });

/**
 * The pg driver's own errors when a connection is lost or cannot be had, and the db module's
 * DatabaseUnreachableError (any failure to open a connection, api/src/db/client.ts): no code.
 */
const LOST_CONNECTION = /^(Connection terminated|Could not connect to the database|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout)/;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** A backing service (the database, Redis) that cannot be reached: 503, the client tries again. */
function fromConnection(err: { code?: string; message?: string } | undefined): AppError | null {
  if (!err) return null;
  if (err.code && NETWORK_CODES.has(err.code))
    return new AppError('UNAVAILABLE', 'A backing service is unavailable; try again shortly', undefined, { 'Retry-After': '5' });
  if (!err.code && typeof err.message === 'string' && LOST_CONNECTION.test(err.message)) return databaseUnavailable();
  return null;
}

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return new AppError('VALIDATION', 'Some fields are invalid', issuesOf(err));
  if (err instanceof multer.MulterError) {
    const [code, message] = MULTER[err.code] ?? ['BAD_REQUEST', 'The upload was refused'];
    return new AppError(code, message, err.field ? [{ field: err.field, message }] : undefined);
  }
  const e = err as { type?: string; status?: number; code?: string; message?: string; cause?: unknown };
  // body-parser
  if (e.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  if (e.type === 'entity.parse.failed') return new AppError('BAD_REQUEST', 'The body is not valid JSON');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return new AppError('UNSUPPORTED_MEDIA', 'Unsupported body encoding');
  if (e.type === 'request.aborted') return new AppError('BAD_REQUEST', 'The request was aborted');
  // busboy (multipart) stream errors: truncated or malformed forms
  if (typeof e.message === 'string' && /Unexpected end of form|Malformed part header|Multipart: Boundary not found/i.test(e.message))
    return new AppError('BAD_REQUEST', 'The multipart form is malformed or truncated');
  // Drizzle wraps the driver's error as `cause`.
  const cause = e.cause as { code?: string; message?: string } | undefined;
  const backing = fromPostgres(e) ?? fromConnection(e) ?? (cause ? fromPostgres(cause) ?? fromConnection(cause) : null);
  if (backing) return backing;
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500)
    return new AppError('BAD_REQUEST', 'The request could not be understood');
  return null;
}

/**
 * What of an unexpected error may be logged. Drizzle's query errors append the bound parameters
 * (phone numbers, password hashes, tip text) to their message, and PostgreSQL's `detail` repeats
 * key values, and its messages may quote an input ("invalid input syntax …: \"139…\""): all are cut,
 * keeping the statement text (parameterised), the SQLSTATE code and the stack frames.
 */
export function loggable(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; message?: unknown; stack?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } };
  const clean = (text: unknown) => (typeof text === 'string' ? text.split('\nparams:')[0].slice(0, 2000) : undefined);
  const frames = typeof e?.stack === 'string' ? e.stack.split('\n').filter((l) => l.trimStart().startsWith('at ')).join('\n') : undefined;
  return {
    name: e?.name,
    message: clean(e?.message),
    code: e?.code ?? e?.cause?.code,
    stack: frames,
  };
}

/** How an error is written: the contract's `{error: {code, message, details}}` unless a protocol needs its own shape. */
export type ErrorBody = (e: { status: number; code: string; message: string; details?: unknown }) => unknown;

const contractBody: ErrorBody = ({ code, message, details }) => ({ error: { code, message, ...(details !== undefined ? { details } : {}) } });

/** The one place errors become responses: always the contract's JSON shape (or `body`'s), never a stack. */
export function errorHandler(log: Logger, body: ErrorBody = contractBody): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = toAppError(err);
    if (res.headersSent) {
      log.warn({ reqId: req.id, code: known?.code }, 'error after response started');
      res.destroy();
      return;
    }
    if (!known) {
      log.error({ reqId: req.id, err: loggable(err) }, 'unhandled error');
      res.status(500).json(body({ status: 500, code: 'INTERNAL', message: 'Something went wrong on our side; try again' }));
      return;
    }
    const state = sqlState(err);
    // The code only: the database's message quotes the value, which may be a tipster's text.
    if (isDataException(state)) log.warn({ reqId: req.id, sqlstate: state }, 'the database refused a value that passed validation');
    if (known.headers) res.set(known.headers);
    if (known.status >= 500) log.warn({ reqId: req.id, code: known.code }, known.message);
    res.status(known.status).json(body({ status: known.status, code: known.code, message: known.message, details: known.details }));
  };
}

export const notFoundHandler: RequestHandler = () => {
  throw new AppError('NOT_FOUND', 'No such endpoint');
};
