import { startTransition, useEffect, useState } from 'react';
import { yieldToBrowser } from './yield-to-browser';

/**
 * How many of a page's `total` later parts to show: none on the first render, then one more per
 * task, each after the previous one was committed. A long page whose parts all render at once is
 * one long commit (every DOM node inserted, then one layout of everything); part by part, each
 * commit and layout is its own short task. The parts below the first screen keep their room while
 * they wait, so nothing moves.
 */
export function useStaged(total: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= total) return;
    let isCurrent = true;
    void yieldToBrowser().then(() => {
      if (isCurrent) startTransition(() => setShown((n) => n + 1));
    });
    return () => {
      isCurrent = false;
    };
  }, [shown, total]);
  return shown;
}
