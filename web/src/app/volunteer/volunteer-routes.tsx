import type { RouteObject } from 'react-router';
import { VolunteerLayout } from '../../layouts/volunteer-layout';
import { lazyPage } from '../lazy-page';
import HomePage from './home-page';

export type PageHandle = { titleKey: 'nav.leaderboard' | 'nav.points' };

/** The volunteer app. The home page ships in the entry chunk; every other page loads on demand. */
export const volunteerRoutes: RouteObject = {
  Component: VolunteerLayout,
  children: [
    { index: true, Component: HomePage },
    { path: 'sign-in', lazy: lazyPage(() => import('./sign-in-page')) },
    { path: 'register', lazy: lazyPage(() => import('./register-page')) },
    { path: 'report', lazy: lazyPage(() => import('./report-tip-page')) },
    { path: 'my-tips', lazy: lazyPage(() => import('./my-tips-page')) },
    { path: 'my-tips/:tipId', lazy: lazyPage(() => import('./tip-detail-page')) },
    { path: 'track', lazy: lazyPage(() => import('./track-tip-page')) },
    {
      path: 'leaderboard',
      handle: { titleKey: 'nav.leaderboard' } satisfies PageHandle,
      lazy: lazyPage(() => import('./leaderboard-page')),
    },
    {
      path: 'points',
      handle: { titleKey: 'nav.points' } satisfies PageHandle,
      lazy: lazyPage(() => import('./points-page')),
    },
    { path: 'campaigns', lazy: lazyPage(() => import('./campaigns-page')) },
    { path: 'campaigns/:campaignId', lazy: lazyPage(() => import('./campaign-page')) },
    { path: 'rewards', lazy: lazyPage(() => import('./rewards-page')) },
    { path: '*', lazy: lazyPage(() => import('./not-found-page')) },
  ],
};
