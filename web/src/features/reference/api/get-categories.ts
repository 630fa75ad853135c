import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export type Category = { id: string; nameZh: string; nameEn: string };

export async function getCategories(): Promise<Category[]> {
  const body = await apiRequest<{ categories: Category[] }>('/categories', { auth: 'none' });
  return body.categories;
}

export function useCategories() {
  return useQuery({ queryKey: ['reference', 'categories'], queryFn: getCategories, staleTime: Infinity });
}
