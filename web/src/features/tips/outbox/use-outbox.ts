import { useEffect, useState } from 'react';
import { useSession } from '../../../lib/session';
import { listOutbox, subscribeOutbox, visibleTo, type OutboxTip } from './outbox-db';

/** The outbox as the current session may see it, kept current across tabs. */
export function useOutbox(): OutboxTip[] {
  const { userId } = useSession();
  const [tips, setTips] = useState<OutboxTip[]>([]);
  useEffect(() => {
    let isCurrent = true;
    const load = () => {
      listOutbox()
        .then((all) => {
          if (isCurrent) setTips(all.filter(visibleTo(userId)));
        })
        .catch(() => undefined);
    };
    load();
    const unsubscribe = subscribeOutbox(load);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [userId]);
  return tips;
}
