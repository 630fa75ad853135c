import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type UploadProgress } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { Finding } from '@hy/schemas/verification-rules';
import type { VerificationTask } from '@hy/schemas/verifications';
import { verificationQuery } from './get-verification';

export type ReportInput = { finding: Finding; note: string; photos: File[] };

/** The auxiliary's finding, with up to 3 photos (POST /api/verifications/:id/report). */
export async function reportVerification(id: string, input: ReportInput, onUploadProgress?: (p: UploadProgress) => void): Promise<VerificationTask> {
  const path = `/verifications/${encodeURIComponent(id)}/report`;
  const fields = { finding: input.finding, note: input.note };
  if (input.photos.length === 0)
    return (await apiRequest<{ verification: VerificationTask }>(path, { method: 'POST', json: fields })).verification;
  const formData = new FormData();
  // Text fields before files, so the server reads them before the uploads stream in.
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  for (const photo of input.photos) formData.append('photos', photo, photo.name);
  return (
    await apiRequest<{ verification: VerificationTask }>(path, { method: 'POST', formData, onUploadProgress: onUploadProgress ?? (() => undefined) })
  ).verification;
}

export function useReportVerification(id: string, onUploadProgress?: (p: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) => reportVerification(id, input, onUploadProgress),
    onSuccess: (task) => {
      queryClient.setQueryData(verificationQuery(id).queryKey, task);
      void queryClient.invalidateQueries({ queryKey: queryRoots.verifications });
    },
  });
}
