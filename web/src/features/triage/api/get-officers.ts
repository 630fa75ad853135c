import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { Officer, OfficerList } from '@hy/schemas/cases';

export type { Officer };

/** Officers and supervisors of a district, for the assignment picker and to name a claim's holder. */
export async function getOfficers(districtId: number): Promise<Officer[]> {
  return (await apiRequest<OfficerList>(`/officers?districtId=${districtId}`)).officers;
}

export const officersQuery = (districtId: number) =>
  queryOptions({ queryKey: [...queryRoots.officers, districtId], queryFn: () => getOfficers(districtId), staleTime: 5 * 60_000 });

export function useOfficers(districtId: number, isEnabled = true) {
  return useQuery({ ...officersQuery(districtId), enabled: isEnabled });
}
