import { LoadingState } from './loading-state';
import { QueryError } from './query-error';

type UnsettledQuery = { isError: boolean; error: unknown; refetch: () => unknown };

/** What a page shows while its data is not there: the failure with a retry, or a loading state. */
export function QueryFallback({ query }: { query: UnsettledQuery }) {
  return query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : <LoadingState />;
}
