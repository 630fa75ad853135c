import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/ui/query-error';
import { unreadQuery, useUnread } from '../../features/messages/api/get-unread';
import { myTipsQuery, useMyTips } from '../../features/tips/api/get-my-tips';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { TipList, TipListEmpty } from '../../features/tips/components/tip-list';
import { useDocumentTitle } from '../../lib/use-document-title';
import { QueryFallback } from '../../components/ui/query-fallback';
import { queryClient } from '../../lib/query-client';
import { getSessionState } from '../../lib/session';
import { categoriesQuery } from '../../shared/api/get-categories';

/** What the first render asks for (app/lazy-page.ts): the list, its unread counts, the category names. */
export function prefetch() {
  if (!getSessionState().isSignedIn) return Promise.resolve();
  return Promise.all([
    queryClient.prefetchInfiniteQuery(myTipsQuery()),
    queryClient.prefetchQuery(unreadQuery()),
    queryClient.prefetchQuery(categoriesQuery()),
  ]);
}

export default function MyTipsPage() {
  const { t } = useTranslation('tips');
  useDocumentTitle(t('list.title'));
  return (
    <RequireAuth>
      <h1 className="page-title">{t('list.title')}</h1>
      <MyTips />
    </RequireAuth>
  );
}

function MyTips() {
  const { t } = useTranslation();
  const query = useMyTips();
  const unread = useUnread();
  if (!query.data) {
    return <QueryFallback query={query} />;
  }
  const tips = query.data.pages.flatMap((page) => page.tips);
  if (tips.length === 0) return <TipListEmpty />;
  return (
    <>
      <TipList tips={tips} unread={new Map(unread.data?.tips.map((u) => [u.tipId, u.unread]))} />
      {query.isFetchNextPageError ? <QueryError error={query.error} onRetry={() => void query.fetchNextPage()} /> : null}
      {query.hasNextPage ? (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? t('loading') : t('actions.loadMore')}
        </button>
      ) : null}
    </>
  );
}
