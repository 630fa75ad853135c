import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { currentLanguage, i18next } from '../lib/i18n';
import { queryClient } from '../lib/query-client';
import { getSessionState, subscribeSession } from '../lib/session';

/** When the session ends (sign out, expiry, another tab), forget everything that belonged to it. */
function useForgetUserDataOnSignOut() {
  useEffect(() => {
    let wasSignedIn = getSessionState().isSignedIn;
    return subscribeSession(() => {
      const { isSignedIn } = getSessionState();
      if (wasSignedIn && !isSignedIn) {
        void queryClient.cancelQueries();
        queryClient.clear();
      }
      wasSignedIn = isSignedIn;
    });
  }, []);
}

export function AppProviders({ children }: { children: ReactNode }) {
  useForgetUserDataOnSignOut();
  useEffect(() => {
    document.documentElement.lang = currentLanguage();
  }, []);
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
