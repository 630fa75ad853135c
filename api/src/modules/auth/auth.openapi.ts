import type { RouteDoc } from '../../openapi/route-doc';
import { ChangePasswordInput, LoginInput, Me, RefreshInput, RegisterInput, Session, TotpCodeInput, TotpSetup } from '@hy/schemas/auth';

const tag = 'Auth';
const session = { description: 'The user and a new token pair', schema: Session };

export const authDocs: RouteDoc[] = [
  { method: 'post', path: '/api/auth/register', tag, summary: 'Register as a volunteer', access: 'anyone', body: RegisterInput, ok: { status: 201, ...session }, errors: [409, 429] },
  {
    method: 'post',
    path: '/api/auth/login',
    tag,
    summary: 'Sign in with phone and password (and the authenticator code when two-factor is on)',
    access: 'anyone',
    body: LoginInput,
    ok: session,
    errors: [401, 429],
  },
  {
    method: 'post',
    path: '/api/auth/refresh',
    tag,
    summary: 'A new token pair; the old refresh token stops working (a reused one revokes the chain)',
    access: 'anyone',
    body: RefreshInput,
    ok: session,
    errors: [401, 429],
  },
  { method: 'post', path: '/api/auth/logout', tag, summary: 'Revoke a refresh token', access: 'anyone', body: RefreshInput, ok: { status: 204, description: 'Signed out' } },
  { method: 'post', path: '/api/auth/password', tag, summary: 'Change my password (also the way out of a temporary one)', access: 'signed-in', body: ChangePasswordInput, ok: session, errors: [429] },
  { method: 'post', path: '/api/auth/totp/setup', tag, summary: 'Start two-factor enrolment: a secret and its otpauth URI / QR code', access: 'signed-in', ok: { description: 'The secret to enter in an authenticator app', schema: TotpSetup }, errors: [409, 429] },
  { method: 'post', path: '/api/auth/totp/enable', tag, summary: 'Turn two-factor sign-in on with a first code', access: 'signed-in', body: TotpCodeInput, ok: session, errors: [409, 429] },
  { method: 'post', path: '/api/auth/totp/disable', tag, summary: 'Turn two-factor sign-in off', access: 'signed-in', body: TotpCodeInput, ok: session, errors: [403, 409, 429] },
  { method: 'get', path: '/api/me', tag, summary: 'The signed-in user, with the points balance', access: 'signed-in', ok: { description: 'The signed-in user', schema: Me } },
];
