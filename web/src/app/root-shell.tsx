import { Outlet, ScrollRestoration } from 'react-router';
import { useSession } from '../lib/session';

/** Keyed by the signed-in user: when it changes, every page and form below starts afresh (see session-boundary.ts). */
export function RootShell() {
  const { userId } = useSession();
  return (
    <>
      <Outlet key={userId ?? 'signed-out'} />
      <ScrollRestoration />
    </>
  );
}
