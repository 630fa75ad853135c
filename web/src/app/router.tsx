import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { RootShell } from './root-shell';
import { RouteErrorPage } from './route-error-page';
import SignOutPage from './sign-out-page';
import { organizerRoutes } from './organizer/organizer-routes';
import { policeRoutes } from './police/police-routes';
import { volunteerRoutes } from './volunteer/volunteer-routes';
import { adminRoutes } from './admin/admin-routes';
import { verifyRoutes } from './verify/verify-routes';
import { lazyPage } from './lazy-page';

/**
 * Each audience brings its own layout and lazy pages as one route object (see
 * volunteer/volunteer-routes.tsx); police and organizer areas are added to `children` the same way,
 * under their own path prefix, so their code is only downloaded by the people who use it.
 */
export const routes: RouteObject[] = [
  {
    Component: RootShell,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: LoadingState,
    children: [
      { path: 'sign-out', Component: SignOutPage },
      organizerRoutes,
      policeRoutes,
      adminRoutes,
      verifyRoutes,
      { path: 'change-password', lazy: lazyPage(() => import('./account/change-password-page'), ['auth']) },
      { path: 'two-factor', lazy: lazyPage(() => import('./account/two-factor-page'), ['twoFactor', 'auth']) },
      { path: 'stats', lazy: lazyPage(() => import('./public/public-stats-page'), ['stats']) },
      volunteerRoutes,
    ],
  },
];

/**
 * Made by main.tsx in a task of its own, not while the entry's modules evaluate: creating it matches
 * the URL and starts the first page's chunk and strings, which is work of its own on a slow phone.
 */
export function createAppRouter() {
  return createBrowserRouter(routes);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
