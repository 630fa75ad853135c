import type { RouteObject } from 'react-router';
import { lazyPage } from '../lazy-page';

/** The organizer area: its layout and dashboard load only when someone opens /organizer. */
export const organizerRoutes: RouteObject = {
  path: 'organizer',
  lazy: lazyPage(() => import('../../layouts/organizer-layout').then((m) => ({ default: m.OrganizerLayout })), ['points']),
  children: [
    { index: true, lazy: lazyPage(() => import('./organizer-dashboard-page')) },
    { path: 'campaigns', lazy: lazyPage(() => import('../campaign-desk-page'), ['campaigns']) },
  ],
};
