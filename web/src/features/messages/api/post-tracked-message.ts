import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { Message, MessageAnswer } from '@hy/schemas/messages';
import type { TrackCredentials } from '@hy/schemas/tracking';

export async function postTrackedMessage(input: TrackCredentials & { body: string }): Promise<Message> {
  const res = await apiRequest<MessageAnswer>('/tips/track/messages', { method: 'POST', json: input, auth: 'none' });
  return res.message;
}

export function usePostTrackedMessage() {
  return useMutation({ mutationFn: postTrackedMessage });
}
