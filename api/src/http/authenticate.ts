import type { RequestHandler } from 'express';
import { verifyAccessToken } from '../modules/auth/tokens';
import type { Role } from './actor';
import { AppError, forbidden, unauthenticated } from './errors';

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.?[A-Za-z0-9\-_.+/=]*)$/.exec(header);
  return m ? m[1] : '';
}

/** Sets req.actor when a valid token is present; a present but bad token is always 401. */
export const identify: RequestHandler = (req, _res, next) => {
  const token = bearer(req.headers.authorization);
  if (token === null) return next();
  const actor = token ? verifyAccessToken(token) : null;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Invalid or expired access token');
  req.actor = actor;
  next();
};

/** Requires a signed-in caller. */
export const authenticate: RequestHandler = (req, res, next) => {
  identify(req, res, () => {
    if (!req.actor) throw unauthenticated();
    next();
  });
};

/** Requires a signed-in caller with one of the roles (403 otherwise). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    authenticate(req, res, () => {
      if (!roles.includes(req.actor!.role)) throw forbidden('Your role may not use this');
      next();
    });
  };
}

export const POLICE: Role[] = ['officer', 'supervisor'];
