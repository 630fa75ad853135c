import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { queryRoots } from '../query-keys';
import type { Category } from '../types/reference';

export async function getCategories(): Promise<Category[]> {
  const body = await apiRequest<{ categories: Category[] }>('/categories', { auth: 'none' });
  return body.categories;
}

export const categoriesQuery = () =>
  queryOptions({ queryKey: [...queryRoots.reference, 'categories'], queryFn: getCategories, staleTime: Infinity });

export function useCategories() {
  return useQuery(categoriesQuery());
}
