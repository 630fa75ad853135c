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
    { path: 'sign-in', lazy: lazyPage(() => import('./sign-in-page'), ['auth', 'twoFactor']) },
    { path: 'register', lazy: lazyPage(() => import('./register-page'), ['auth']) },
    { path: 'report', lazy: lazyPage(() => import('./report-tip-page'), ['tips', 'antiSpam']) },
    { path: 'my-tips', lazy: lazyPage(() => import('./my-tips-page'), ['tips']) },
    { path: 'my-tips/:tipId', lazy: lazyPage(() => import('./tip-detail-page'), ['tips', 'messages']) },
    { path: 'track', lazy: lazyPage(() => import('./track-tip-page'), ['messages', 'tips']) },
    {
      path: 'leaderboard',
      handle: { titleKey: 'nav.leaderboard' } satisfies PageHandle,
      lazy: lazyPage(() => import('./leaderboard-page'), ['points']),
    },
    {
      path: 'points',
      handle: { titleKey: 'nav.points' } satisfies PageHandle,
      lazy: lazyPage(() => import('./points-page'), ['points']),
    },
    { path: 'campaigns', lazy: lazyPage(() => import('./campaigns-page'), ['campaigns']) },
    { path: 'campaigns/:campaignId', lazy: lazyPage(() => import('./campaign-page'), ['campaigns']) },
    { path: 'rewards', lazy: lazyPage(() => import('./rewards-page'), ['points']) },
    { path: '*', lazy: lazyPage(() => import('./not-found-page')) },
  ],
};
