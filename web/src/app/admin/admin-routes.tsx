import type { RouteObject } from 'react-router';
import { lazyPage } from '../lazy-page';

/** The admin area under /admin: its layout, pages and strings load only when someone opens it. */
export const adminRoutes: RouteObject = {
  path: 'admin',
  lazy: lazyPage(() => import('./admin-layout'), ['admin', 'audit']),
  children: [
    { index: true, lazy: lazyPage(() => import('./users-page')) },
    { path: 'users/new', lazy: lazyPage(() => import('./new-user-page')) },
    { path: 'users/:userId', lazy: lazyPage(() => import('./user-page')) },
    { path: 'audit', lazy: lazyPage(() => import('./audit-page')) },
    { path: 'api-keys', lazy: lazyPage(() => import('./api-keys-page')) },
  ],
};
