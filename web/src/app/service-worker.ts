/**
 * Registers the service worker (web/sw/service-worker.ts, built to /service-worker.js) once the page
 * has loaded, so it never competes with the first paint on a slow phone. Production builds only:
 * the dev server has no built worker.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
