import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export type Officer = { id: string; displayName: string; role: 'officer' | 'supervisor'; districtId: number | null };

/** Officers and supervisors of a district, for the assignment picker and to name a claim's holder. */
export async function getOfficers(districtId: number): Promise<Officer[]> {
  return (await apiRequest<{ officers: Officer[] }>(`/officers?districtId=${districtId}`)).officers;
}

export function useOfficers(districtId: number, isEnabled = true) {
  return useQuery({ queryKey: ['officers', districtId], queryFn: () => getOfficers(districtId), enabled: isEnabled, staleTime: 5 * 60_000 });
}
