import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type UploadProgress } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { ReportVerification, VerificationTask, VerificationTaskAnswer } from '@hy/schemas/verifications';
import type { z } from 'zod';
import { verificationQuery } from './get-verification';

/** The report's fields, and its photos (sent as multipart when there are any). */
export type ReportInput = z.input<typeof ReportVerification> & { photos: File[] };

/** The auxiliary's finding, with up to 3 photos (POST /api/verifications/:id/report). */
export async function reportVerification(id: string, input: ReportInput, onUploadProgress?: (p: UploadProgress) => void): Promise<VerificationTask> {
  const path = `/verifications/${encodeURIComponent(id)}/report`;
  const fields = { finding: input.finding, note: input.note };
  if (input.photos.length === 0)
    return (await apiRequest<VerificationTaskAnswer>(path, { method: 'POST', json: fields })).verification;
  const formData = new FormData();
  // Text fields before files, so the server reads them before the uploads stream in.
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  for (const photo of input.photos) formData.append('photos', photo, photo.name);
  return (
    await apiRequest<VerificationTaskAnswer>(path, { method: 'POST', formData, onUploadProgress: onUploadProgress ?? (() => undefined) })
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
