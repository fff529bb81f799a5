import { backoffMs } from '../../../functions/src/domain/retry/retry';
import type { OnError } from './DataSource';

export const POLL_MS = 2_000;
/** While the tab is hidden nobody is looking: poll rarely, and at once when it is shown again. */
const HIDDEN_POLL_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

export interface Poller {
  stop(): void;
  /** Polls now, e.g. right after a request was applied. */
  poke(): void;
}

/**
 * Calls `load` now and every `everyMs` (POLL_MS unless given) after the previous call ended; reports only changed values.
 * Failures back off (doubling, at most 30 s) and are reported; polling goes on until stopped.
 */
export function poll<T>(
  load: () => Promise<T>,
  onData: (value: T) => void,
  onError: OnError,
  everyMs = POLL_MS,
): Poller {
  let stopped = false;
  let running = false;
  let pokedWhileRunning = false;
  let failures = 0;
  let lastJson = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    if (pokedWhileRunning) {
      pokedWhileRunning = false;
      void tick();
      return;
    }
    const base = document.hidden ? HIDDEN_POLL_MS : everyMs;
    timer = setTimeout(tick, backoffMs(failures + 1, { baseMs: base, maxMs: Math.max(base, MAX_BACKOFF_MS) }));
  };

  const tick = async () => {
    if (stopped || running) return;
    running = true;
    try {
      const value = await load();
      failures = 0;
      const json = JSON.stringify(value);
      if (!stopped && json !== lastJson) {
        lastJson = json;
        onData(value);
      }
    } catch (error) {
      failures = Math.min(failures + 1, 4);
      if (!stopped) onError(error);
    } finally {
      running = false;
      schedule();
    }
  };

  const poke = () => {
    if (running) pokedWhileRunning = true;
    clearTimeout(timer);
    void tick();
  };
  const onVisibility = () => {
    if (!document.hidden) poke();
  };

  document.addEventListener('visibilitychange', onVisibility);
  void tick();
  return {
    poke,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
