import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type UploadProgress } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { CreateTip } from '@hy/schemas/tips';
import type { SubmittedTip } from '@hy/schemas/tip-views';

/**
 * The form's values: description and districtId as the schema's (districtId the number it coerces to);
 * category a string (drafts and the outbox keep it unchecked; the server checks it against CATEGORY_IDS);
 * the rest web-only (a nullable point, the photos, the idempotency and anti-spam headers).
 */
export type CreateTipInput = Pick<CreateTip, 'description' | 'districtId'> & {
  category: string;
  /** ISO 8601 */
  occurredAt: string;
  lat: number | null;
  lng: number | null;
  address: string;
  photos: File[];
  isAnonymous: boolean;
  /** One per submission attempt, reused on every retry so the server never creates a second tip. */
  idempotencyKey: string;
  /** Anonymous only: the solved proof-of-work (ALTCHA payload), sent as X-Altcha. */
  antiSpamProof?: string | null;
};

export type CreateTipResult = SubmittedTip;

export function createTip(input: CreateTipInput, onUploadProgress?: (progress: UploadProgress) => void): Promise<CreateTipResult> {
  const fields = {
    category: input.category,
    description: input.description,
    occurredAt: input.occurredAt,
    lat: input.lat ?? undefined,
    lng: input.lng ?? undefined,
    address: input.address.trim() || undefined,
    districtId: input.districtId,
  };
  const common = {
    method: 'POST' as const,
    headers: {
      'Idempotency-Key': input.idempotencyKey,
      ...(input.isAnonymous && input.antiSpamProof ? { 'X-Altcha': input.antiSpamProof } : {}),
    },
    // Anonymous means anonymous: no token, so nothing ties the tip to the account.
    auth: input.isAnonymous ? ('none' as const) : ('auto' as const),
  };
  if (input.photos.length === 0) return apiRequest<CreateTipResult>('/tips', { ...common, json: fields });

  const formData = new FormData();
  // Text fields before files, so the server reads them before the uploads stream in.
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) formData.append(name, String(value));
  }
  for (const photo of input.photos) formData.append('photos', photo, photo.name);
  return apiRequest<CreateTipResult>('/tips', {
    ...common,
    formData,
    onUploadProgress: onUploadProgress ?? (() => undefined),
  });
}

export function useCreateTip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, onUploadProgress }: { input: CreateTipInput; onUploadProgress?: (p: UploadProgress) => void }) =>
      createTip(input, onUploadProgress),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryRoots.tips });
      void queryClient.invalidateQueries({ queryKey: queryRoots.me });
    },
  });
}
