import { LoadingState } from '../../../components/ui/loading-state';
import { QueryError } from '../../../components/ui/query-error';
import { useThread } from '../api/get-thread';
import { usePostMessage } from '../api/post-message';
import { MessageThread } from './message-thread';

/**
 * The thread of a tip for a signed-in reader: the reporter in My tips, or police in their tip view
 * (`<TipThread tipId={tip.id} viewer="police" />`).
 */
export function TipThread({ tipId, viewer }: { tipId: string; viewer: 'reporter' | 'police' }) {
  const thread = useThread(tipId);
  const post = usePostMessage(tipId);
  if (thread.isError) return <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
  if (!thread.data) return <LoadingState />;
  return (
    <MessageThread
      messages={thread.data.messages}
      unread={thread.data.unread}
      viewer={viewer}
      onSend={(body) => post.mutateAsync(body)}
      isSending={post.isPending}
    />
  );
}
