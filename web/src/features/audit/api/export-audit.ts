import { useMutation } from '@tanstack/react-query';
import { apiBlob } from '../../../lib/api-client';
import { auditParams, type AuditFilters } from './get-audit';

/**
 * Downloads the filtered log as CSV. The API needs the Bearer token, which a plain link cannot
 * send, so the file is fetched and handed to the browser as a download.
 */
export async function exportAudit(filters: AuditFilters): Promise<void> {
  const blob = await apiBlob(`/admin/audit.csv?${auditParams(filters).toString()}`, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useExportAudit() {
  return useMutation({ mutationFn: exportAudit });
}
