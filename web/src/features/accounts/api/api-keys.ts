import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { ApiKey, ApiKeyAnswer, ApiKeyList, IssuedApiKey } from '@hy/schemas/api-keys';

/** An integrator's Open311 key as admins see it (the key itself is shown once, at creation). */
export type { ApiKey };

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: [...queryRoots.accounts, 'api-keys'],
    queryFn: async () => (await apiRequest<ApiKeyList>('/admin/api-keys')).apiKeys,
  });

export function useApiKeys() {
  return useQuery(apiKeysQuery());
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiRequest<IssuedApiKey>('/admin/api-keys', { method: 'POST', json: { name } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeysQuery().queryKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<ApiKeyAnswer>(`/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeysQuery().queryKey }),
  });
}
