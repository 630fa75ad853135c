import type { RouteObject } from 'react-router';
import { lazyPage } from '../lazy-page';

/** The auxiliary police desk under /verify (on-site verification tasks come with a later release). */
export const verifyRoutes: RouteObject = {
  path: 'verify',
  children: [{ index: true, lazy: lazyPage(() => import('./verify-page')) }],
};
