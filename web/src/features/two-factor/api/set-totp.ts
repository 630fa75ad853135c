import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setTokens } from '../../../lib/session';
import { meQuery } from '../../../shared/api/get-me';
import type { User } from '../../../shared/types/user';
import type { Session, TotpCodeInput } from '@hy/schemas/auth';
import type { z } from 'zod';

/** `enable` confirms the pending secret; `disable` turns it off. Both take a current code and end the other sessions. */
export type TotpChange = { action: 'enable' | 'disable' } & z.input<typeof TotpCodeInput>;

export const setTotp = ({ action, code }: TotpChange) => apiRequest<Session>(`/auth/totp/${action}`, { method: 'POST', json: { code } });

/**
 * `onChanged` runs here, in the mutation's own callback, not in `mutate(…, { onSuccess })`: the
 * new user switches the page from enrolment to "is on" at once, which unmounts the component that
 * called `mutate`, and a per-call callback of an unmounted observer never runs (the forced
 * enrolment then stayed on /two-factor instead of opening the desk).
 */
export function useSetTotp(options: { onChanged?: (user: User) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setTotp,
    // The new tokens carry the change (the server gates unenrolled staff on it).
    onSuccess: ({ user, accessToken, refreshToken }) => {
      setTokens({ accessToken, refreshToken });
      queryClient.setQueryData(meQuery().queryKey, user);
      options.onChanged?.(user);
    },
  });
}
