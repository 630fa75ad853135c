import { Router } from 'express';
import type { Config } from '../../config';
import { authenticate } from '../../http/authenticate';
import { limiter } from '../../http/rate-limit';
import { parse } from '../../http/validate';
import { presentSelf } from './auth.presenter';
import { ChangePasswordInput, LoginInput, RefreshInput, RegisterInput } from './auth.schema';
import { getUser, login, logout, refresh, register, type Session } from './auth.service';
import { changeOwnPassword } from './password-change';

const presentSession = (s: Session) => ({
  user: presentSelf(s.user),
  accessToken: s.accessToken,
  refreshToken: s.refreshToken,
  /** True after signing in with a temporary password: only POST /api/auth/password works until then. */
  mustChangePassword: s.user.mustChangePassword,
});

export function authRoutes(config: Pick<Config, 'authRateLimit'>): Router {
  const router = Router();
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

  router.get('/me', authenticate, async (req, res) => {
    res.json({ user: presentSelf(await getUser(req.actor!.id)) });
  });

  return router;
}
