import type { Request, RequestHandler } from 'express';
import { tokenEpochs } from '../modules/auth/token-epochs';
import { verifyAccessToken } from '../modules/auth/tokens';
import type { Actor, Role } from './actor';
import { AppError, forbidden, unauthenticated } from './errors';

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.?[A-Za-z0-9\-_.+/=]*)$/.exec(header);
  return m ? m[1] : '';
}

/** What a user holding a temporary password may still call: changing it. */
const PASSWORD_CHANGE_ROUTES = new Set(['POST /api/auth/password']);

/** The verified caller, or null without a token; a present but bad, expired or revoked token is 401. */
async function actorOf(req: Request): Promise<Actor | null> {
  const token = bearer(req.headers.authorization);
  if (token === null) return null;
  const actor = token ? verifyAccessToken(token) : null;
  if (!actor || !(await tokenEpochs.isCurrent(actor))) throw new AppError('UNAUTHENTICATED', 'Invalid or expired access token');
  if (actor.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(`${req.method} ${req.baseUrl}${req.path}`))
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your temporary password first');
  return actor;
}

/** Sets req.actor when a valid token is present; a present but bad token is always 401. */
export const identify: RequestHandler = async (req, _res, next) => {
  req.actor = (await actorOf(req)) ?? undefined;
  next();
};

/** Requires a signed-in caller. */
export const authenticate: RequestHandler = async (req, _res, next) => {
  const actor = await actorOf(req);
  if (!actor) throw unauthenticated();
  req.actor = actor;
  next();
};

/** Requires a signed-in caller with one of the roles (403 otherwise). */
export function requireRole(...roles: Role[]): RequestHandler {
  return async (req, _res, next) => {
    const actor = await actorOf(req);
    if (!actor) throw unauthenticated();
    if (!roles.includes(actor.role)) throw forbidden('Your role may not use this');
    req.actor = actor;
    next();
  };
}

export const POLICE: Role[] = ['officer', 'supervisor'];
