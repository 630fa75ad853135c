import { Alert } from './alert';
import { LoadingState } from './loading-state';
import { QueryError } from './query-error';

type UnsettledQuery = { isError: boolean; error: unknown; refetch: () => unknown };

/** What a page shows while its data is not there: the failure with a retry, or a loading state. */
export function QueryFallback({ query }: { query: UnsettledQuery }) {
  return query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : <LoadingState />;
}

type ListQuery = UnsettledQuery & { isPending: boolean; data?: unknown };

/** Above a list: the failure with a retry, a loading state, or the empty message once loaded with no rows. */
export function ListStatus({ query, isEmpty, empty }: { query: ListQuery; isEmpty: boolean; empty: string }) {
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <LoadingState />;
  return query.data !== undefined && isEmpty ? <Alert tone="info">{empty}</Alert> : null;
}
