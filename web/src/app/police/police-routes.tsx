import type { RouteObject } from 'react-router';
import { lazyPage } from '../lazy-page';

/** The police desk under /police: layout and pages load only when a police user opens them. */
export const policeRoutes: RouteObject = {
  path: 'police',
  lazy: lazyPage(() => import('./police-layout'), ['police', 'tips']),
  children: [
    { index: true, lazy: lazyPage(() => import('./queue-page'), ['verifications']) },
    { path: 'tips/:tipId', lazy: lazyPage(() => import('./police-tip-page'), ['verifications', 'messages']) },
    { path: 'cases', lazy: lazyPage(() => import('./cases-page')) },
    { path: 'cases/:caseId', lazy: lazyPage(() => import('./case-page')) },
    { path: 'campaigns', lazy: lazyPage(() => import('../campaign-desk-page'), ['campaigns']) },
    { path: 'map', lazy: lazyPage(() => import('./map-page')) },
    { path: 'stats', lazy: lazyPage(() => import('./stats-page'), ['stats']) },
  ],
};
