import { Router } from 'express';
import type { Config } from '../../config';
import { authenticate } from '../../http/authenticate';
import { limiter } from '../../http/rate-limit';
import { parse } from '../../http/validate';
import { presentSelf } from './auth.presenter';
import { ChangePasswordInput, LoginInput, RefreshInput, RegisterInput, TotpCodeInput } from './auth.schema';
import { getUser, login, logout, refresh, register, type Session } from './auth.service';
import { changeOwnPassword } from './password-change';
import { disableTotp, enableTotp, setupTotp } from './totp.service';

export function authRoutes(config: Pick<Config, 'authRateLimit' | 'staffTotp'>): Router {
  const router = Router();
  const presentSession = (s: Session) => ({
    user: presentSelf(s.user, config.staffTotp),
    accessToken: s.accessToken,
    refreshToken: s.refreshToken,
    /** True after signing in with a temporary password: only POST /api/auth/password works until then. */
    mustChangePassword: s.user.mustChangePassword,
  });
  const signInLimit = limiter({ name: 'login', windowMs: 15 * 60_000, limit: config.authRateLimit });
  const registerLimit = limiter({ name: 'register', windowMs: 60 * 60_000, limit: config.authRateLimit });

  router.post('/auth/register', registerLimit, async (req, res) => {
    const session = await register(parse(RegisterInput, req.body));
    res.status(201).json(presentSession(session));
  });

  router.post('/auth/login', signInLimit, async (req, res) => {
    res.json(presentSession(await login(parse(LoginInput, req.body))));
  });

  router.post('/auth/refresh', signInLimit, async (req, res) => {
    const { refreshToken } = parse(RefreshInput, req.body);
    res.json(presentSession(await refresh(refreshToken)));
  });

  router.post('/auth/logout', async (req, res) => {
    const { refreshToken } = parse(RefreshInput, req.body);
    await logout(refreshToken);
    res.status(204).end();
  });

  // Counts failed attempts only: a stolen access token must not become a password-guessing oracle.
  const passwordLimit = limiter({ name: 'password-change', windowMs: 15 * 60_000, limit: config.authRateLimit, skipSuccessfulRequests: true });
  router.post('/auth/password', passwordLimit, authenticate, async (req, res) => {
    res.json(presentSession(await changeOwnPassword(req.actor!, parse(ChangePasswordInput, req.body))));
  });

  // Per account: a stolen session cannot guess its way to turning two-factor sign-in off.
  const totpLimit = limiter({ name: 'totp', windowMs: 15 * 60_000, limit: config.authRateLimit, key: (req) => `user:${req.actor!.id}` });

  router.post('/auth/totp/setup', authenticate, totpLimit, async (req, res) => {
    res.json(await setupTotp(req.actor!));
  });

  router.post('/auth/totp/enable', authenticate, totpLimit, async (req, res) => {
    const { code } = parse(TotpCodeInput, req.body);
    res.json(presentSession(await enableTotp(req.actor!, code)));
  });

  router.post('/auth/totp/disable', authenticate, totpLimit, async (req, res) => {
    const { code } = parse(TotpCodeInput, req.body);
    res.json(presentSession(await disableTotp(req.actor!, code)));
  });

  router.get('/me', authenticate, async (req, res) => {
    res.json({ user: presentSelf(await getUser(req.actor!.id), config.staffTotp) });
  });

  return router;
}
