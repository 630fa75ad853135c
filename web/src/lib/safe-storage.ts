/**
 * localStorage / sessionStorage that never throw: some browsers refuse storage in private mode or
 * when full, and the app must keep working (with less memory) rather than crash.
 */
function wrap(getStorage: () => Storage) {
  return {
    get(key: string): string | null {
      try {
        return getStorage().getItem(key);
      } catch {
        return null;
      }
    },
    set(key: string, value: string): boolean {
      try {
        getStorage().setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key: string): void {
      try {
        getStorage().removeItem(key);
      } catch {
        // Nothing to clean when storage is unavailable.
      }
    },
  };
}

export const local = wrap(() => window.localStorage);
export const session = wrap(() => window.sessionStorage);
