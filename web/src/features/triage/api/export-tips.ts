import { useMutation } from '@tanstack/react-query';
import { apiBlob } from '../../../lib/api-client';
import { dayAfter, dayStart } from '../../../lib/days';
import type { QueueFilters } from './get-queue';

/**
 * Downloads the queue's tips as CSV with the queue's filters: the status tab, category, priority,
 * text, claim ("claimed by me"), on-site check, days and (admins) district. The API needs the Bearer token,
 * which a plain link cannot send, so the file is fetched and handed to the browser as a download.
 */
export async function exportTips(filters: QueueFilters): Promise<void> {
  const params = new URLSearchParams();
  const { from, to, districtId, status, category, priority, q, claim, verification } = filters;
  params.set('status', status);
  if (category) params.set('category', category);
  if (priority) params.set('priority', priority);
  if (q) params.set('q', q);
  if (claim) params.set('claim', claim);
  if (verification) params.set('verification', verification);
  if (from) params.set('from', dayStart(from));
  if (to) params.set('to', dayAfter(to));
  if (districtId !== undefined) params.set('districtId', String(districtId));
  const blob = await apiBlob(`/tips/export.csv?${params.toString()}`, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `tips-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useExportTips() {
  return useMutation({ mutationFn: exportTips });
}
