import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { ReporterRecord } from '@hy/schemas/triage';

export function getReporterRecord(id: string): Promise<ReporterRecord> {
  return apiRequest<ReporterRecord>(`/tips/${encodeURIComponent(id)}/reporter-record`);
}

export const reporterRecordQuery = (id: string) =>
  queryOptions({ queryKey: [...queryRoots.policeTip, id, 'reporter-record'], queryFn: () => getReporterRecord(id) });

export function useReporterRecord(id: string) {
  return useQuery(reporterRecordQuery(id));
}
