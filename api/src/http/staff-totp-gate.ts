import type { RequestHandler } from 'express';
import { tokenEpochs } from '../modules/auth/token-epochs';
import { verifyAccessToken } from '../modules/auth/tokens';
import { isReachableBeforeEnrolment, mustEnrolTotp } from '../modules/auth/totp.policy';
import { AppError } from './errors';

/**
 * STAFF_TOTP=required: a police (auxiliary included) or admin token issued before two-factor
 * sign-in was enrolled reaches only the enrolment (and sign-in, sign-out, /me). The enrolment
 * travels in the token and the epoch check is authenticate's cached one, so this costs no query;
 * enrolling issues new tokens and revokes the old ones. Requests without a valid token pass
 * through to the routes, which answer them as usual.
 */
export const requireStaffTotp: RequestHandler = async (req, _res, next) => {
  if (isReachableBeforeEnrolment(req.path)) return next();
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const actor = m ? verifyAccessToken(m[1]) : null;
  // A revoked token is left to authenticate (401); a temporary password is changed first (403 PASSWORD_CHANGE_REQUIRED).
  if (actor && !actor.mustChangePassword && mustEnrolTotp(actor.role) && !actor.isTotpEnrolled && (await tokenEpochs.isCurrent(actor)))
    throw new AppError('TOTP_ENROLMENT_REQUIRED', 'Turn on two-factor sign-in (an authenticator app) before using the desk');
  next();
};
