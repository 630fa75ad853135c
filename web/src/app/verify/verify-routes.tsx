import type { RouteObject } from 'react-router';
import { lazyPage } from '../lazy-page';

/** The auxiliary police desk under /verify: on-site check tasks and reports. */
export const verifyRoutes: RouteObject = {
  path: 'verify',
  children: [
    { index: true, lazy: lazyPage(() => import('./verify-page'), ['verifications', 'tips']) },
    { path: 'tasks/:taskId', lazy: lazyPage(() => import('./task-page'), ['verifications', 'tips']) },
  ],
};
