import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiBlob, apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { Attendance } from '@hy/schemas/campaigns';

export const getAttendance = (id: string) => apiRequest<Attendance>(`/campaigns/${encodeURIComponent(id)}/attendance?limit=500`);

/** Live: read again every 15 seconds while open. */
export const attendanceQuery = (id: string) =>
  queryOptions({ queryKey: [...queryRoots.campaigns, 'attendance', id], queryFn: () => getAttendance(id), refetchInterval: 15_000 });

export const useAttendance = (id: string) => useQuery(attendanceQuery(id));

export const getAttendanceCsv = (id: string) => apiBlob(`/campaigns/${encodeURIComponent(id)}/attendance.csv`);
