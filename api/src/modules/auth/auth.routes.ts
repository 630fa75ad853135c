import { createHmac } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Config } from '../../config';
import { authenticate } from '../../http/authenticate';
import { addressKeys, limiter } from '../../http/rate-limit';
import { parse } from '../../http/validate';
import { presentSelf } from './auth.presenter';
import { ChangePasswordInput, LoginInput, normalizePhone, RefreshInput, RegisterInput, TotpCodeInput } from '@hy/schemas/auth';
import { getUser, login, logout, refresh, register, type Session } from './auth.service';
import { changeOwnPassword } from './password-change';
import { disableTotp, enableTotp, setupTotp } from './totp.service';

type AuthLimits = Pick<Config, 'rateLimits' | 'authRateLimit' | 'loginAccountLimit' | 'refreshRateLimit' | 'jwtSecret'>;

/**
 * Sign-in budgets count failures only, per account (phone) and per address, so guessing is
 * slowed while a police station behind one NAT, signing in all day, never locks itself out.
 * Refresh has its own budget: it is no guess (tokens are random), only load.
 */
function authLimits(config: AuthLimits) {
  const isEnabled = config.rateLimits;
  const address = addressKeys(config.jwtSecret, 'auth');
  const phoneKey = (req: Request) => {
    const phone: unknown = (req.body as { phone?: unknown } | undefined)?.phone;
    const normalized = typeof phone === 'string' ? normalizePhone(phone).slice(0, 32) : '';
    return `p:${createHmac('sha256', `login-account:${config.jwtSecret}`).update(normalized).digest('base64url')}`;
  };
  const windowMs = 15 * 60_000;
  const message = 'Too many failed sign-ins; try again later';
  return {
    signInPerAccount: limiter({ name: 'login-account', isEnabled, windowMs, limit: config.loginAccountLimit, key: phoneKey, message, skipSuccessfulRequests: true }),
    signInPerAddress: limiter({ name: 'login', isEnabled, windowMs, limit: config.authRateLimit, key: address.client, message, skipSuccessfulRequests: true }),
    refresh: limiter({ name: 'refresh', isEnabled, windowMs, limit: config.refreshRateLimit, key: address.client }),
    register: limiter({ name: 'register', isEnabled, windowMs: 60 * 60_000, limit: config.authRateLimit, key: address.client }),
    // Counts failed attempts only: a stolen access token must not become a password-guessing oracle.
    passwordChange: limiter({ name: 'password-change', isEnabled, windowMs, limit: config.authRateLimit, key: address.client, skipSuccessfulRequests: true }),
    // Per account: a stolen session cannot guess its way to turning two-factor sign-in off.
    totp: limiter({ name: 'totp', isEnabled, windowMs, limit: config.authRateLimit, key: (req) => `user:${req.actor!.id}` }),
  };
}

export function authRoutes(config: AuthLimits & Pick<Config, 'staffTotp'>): Router {
  const router = Router();
  const limits = authLimits(config);
  const presentSession = (s: Session) => ({
    user: presentSelf(s.user, config.staffTotp),
    accessToken: s.accessToken,
    refreshToken: s.refreshToken,
    /** True after signing in with a temporary password: only POST /api/auth/password works until then. */
    mustChangePassword: s.user.mustChangePassword,
  });

  router.post('/auth/register', limits.register, async (req, res) => {
    const session = await register(parse(RegisterInput, req.body));
    res.status(201).json(presentSession(session));
  });

  router.post('/auth/login', limits.signInPerAccount, limits.signInPerAddress, async (req, res) => {
    res.json(presentSession(await login(parse(LoginInput, req.body))));
  });

  router.post('/auth/refresh', limits.refresh, async (req, res) => {
    const { refreshToken } = parse(RefreshInput, req.body);
    res.json(presentSession(await refresh(refreshToken)));
  });

  router.post('/auth/logout', async (req, res) => {
    const { refreshToken } = parse(RefreshInput, req.body);
    await logout(refreshToken);
    res.status(204).end();
  });

  router.post('/auth/password', limits.passwordChange, authenticate, async (req, res) => {
    res.json(presentSession(await changeOwnPassword(req.actor!, parse(ChangePasswordInput, req.body))));
  });

  router.post('/auth/totp/setup', authenticate, limits.totp, async (req, res) => {
    res.json(await setupTotp(req.actor!));
  });

  router.post('/auth/totp/enable', authenticate, limits.totp, async (req, res) => {
    const { code } = parse(TotpCodeInput, req.body);
    res.json(presentSession(await enableTotp(req.actor!, code)));
  });

  router.post('/auth/totp/disable', authenticate, limits.totp, async (req, res) => {
    const { code } = parse(TotpCodeInput, req.body);
    res.json(presentSession(await disableTotp(req.actor!, code)));
  });

  router.get('/me', authenticate, async (req, res) => {
    res.json({ user: presentSelf(await getUser(req.actor!.id), config.staffTotp) });
  });

  return router;
}
