import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { useSession } from '../lib/session';

/**
 * Keyed by the signed-in user: when it changes, every page and form below starts afresh (see session-boundary.ts).
 * The Suspense boundary catches a component whose strings are still on their way (lib/i18n.ts loads them per page).
 */
export function RootShell() {
  const { userId } = useSession();
  return (
    <>
      <Suspense fallback={<LoadingState />}>
        <Outlet key={userId ?? 'signed-out'} />
      </Suspense>
      <ScrollRestoration />
    </>
  );
}
