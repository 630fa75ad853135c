import type { User } from '../../../shared/types/user';

export type AuthResult = { user: User; accessToken: string; refreshToken: string; mustChangePassword: boolean };
