import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dayAfter, dayStart } from '../../../lib/days';
import { queryRoots } from '../../../shared/query-keys';
import type { AuditEntry, AuditPage, AuditQuery } from '@hy/schemas/audit';

export type { AuditEntry, AuditPage };

/** AuditQuery's text filters; its from/to are instants (coerced dates), the page holds days. */
export type AuditFilters = Partial<Pick<AuditQuery, 'action' | 'actorId' | 'tipId'>> & {
  /** First and last day shown (YYYY-MM-DD, Hengyang days, inclusive). */
  from?: string;
  to?: string;
};

/** The API's query for the filters (shared by the list and the CSV export). */
export function auditParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  const { from, to, ...rest } = filters;
  for (const [key, value] of Object.entries(rest)) if (value) params.set(key, value);
  if (from) params.set('from', dayStart(from));
  if (to) params.set('to', dayAfter(to));
  return params;
}

export function getAudit(filters: AuditFilters, cursor: string | null): Promise<AuditPage> {
  const params = auditParams(filters);
  params.set('limit', '50');
  if (cursor) params.set('cursor', cursor);
  return apiRequest<AuditPage>(`/admin/audit?${params.toString()}`);
}

export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: [...queryRoots.audit, filters],
    queryFn: ({ pageParam }) => getAudit(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery(auditQuery(filters));
}
