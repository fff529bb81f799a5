import type { OnError } from './DataSource';

/**
 * Runs `load` when triggered, one call at a time: a trigger during a call runs it once more after.
 * Used where a Firestore listener only signals "something changed" and the data comes from a callable.
 */
export function refetcher<T>(load: () => Promise<T>, onData: (value: T) => void, onError: OnError) {
  let running = false;
  let again = false;
  let stopped = false;

  const trigger = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const value = await load();
      if (!stopped) onData(value);
    } catch (error) {
      if (!stopped) onError(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        void trigger();
      }
    }
  };

  return {
    trigger: () => void trigger(),
    stop: () => {
      stopped = true;
    },
  };
}
