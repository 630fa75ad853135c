import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what a retry can fix: the network, or a server that is briefly unavailable.
      retry: (failureCount, error) => {
        if (failureCount >= 2) return false;
        if (!isApiError(error)) return false;
        return error.isNetworkError || error.status === 503;
      },
    },
    mutations: { retry: false },
  },
});


declare global {
  interface Window {
    /** Set by browser specs (page.addInitScript) before the app loads; the app itself never sets it. */
    __HY_EXPOSE_QUERY_CLIENT__?: boolean;
    __HY_QUERY_CLIENT__?: QueryClient;
  }
}

// Test hook: lets a browser spec read the cache (web/e2e/support/query-cache.ts) to prove what it holds.
// Exposes nothing a script in the page could not already fetch with the stored token.
if (typeof window !== 'undefined' && window.__HY_EXPOSE_QUERY_CLIENT__ === true) window.__HY_QUERY_CLIENT__ = queryClient;
