import { Outlet, ScrollRestoration } from 'react-router';

export function RootShell() {
  return (
    <>
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
