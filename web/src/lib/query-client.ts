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

