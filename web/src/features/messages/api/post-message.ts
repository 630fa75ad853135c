import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { threadQuery } from './get-thread';
import type { Message, MessageAnswer } from '@hy/schemas/messages';

export async function postMessage(tipId: string, body: string): Promise<Message> {
  const res = await apiRequest<MessageAnswer>(`/tips/${encodeURIComponent(tipId)}/messages`, { method: 'POST', json: { body } });
  return res.message;
}

export function usePostMessage(tipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => postMessage(tipId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threadQuery(tipId, queryClient).queryKey }),
  });
}
