import type { ComponentType } from 'react';
import { loadNamespaces, type Namespace } from '../lib/i18n';

/**
 * Route-level code splitting: `{ path: 'report', lazy: lazyPage(() => import('./report-tip-page'), ['tips']) }`.
 * The page module default-exports its component; the strings it needs (active language only) are
 * fetched at the same time as its chunk, not after it.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>, namespaces: readonly Namespace[] = []) {
  return async () => {
    const [page] = await Promise.all([load(), loadNamespaces(namespaces)]);
    return { Component: page.default };
  };
}
