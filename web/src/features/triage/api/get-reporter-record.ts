import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { ReporterRecord } from './types';

export function getReporterRecord(id: string): Promise<ReporterRecord> {
  return apiRequest<ReporterRecord>(`/tips/${encodeURIComponent(id)}/reporter-record`);
}

export function useReporterRecord(id: string) {
  return useQuery({ queryKey: ['tip-reporter-record', id], queryFn: () => getReporterRecord(id) });
}
