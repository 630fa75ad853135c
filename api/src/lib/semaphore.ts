/**
 * At most `size` tasks at a time; the rest wait in arrival order. For work that costs memory per
 * task (decoding images), where a burst must queue instead of running all at once.
 */
export function semaphore(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running < size) running += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get pending(): number {
      return waiting.length;
    },
  };
}
