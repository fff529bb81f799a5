/**
 * The one retry loop: call, and on a failure worth another try wait and call again, a bounded number of times
 * (or until a deadline). Server code (source lookups, placement transactions that lost a race), the web client's
 * polling and the scripts' waits use it rather than each writing the loop. Pure TypeScript: no Firebase, no DOM.
 */

/** The wait after failed attempt `attempt` (1-based): baseMs, then doubling, never more than maxMs. */
export function backoffMs(attempt: number, { baseMs, maxMs = Infinity }: { baseMs: number; maxMs?: number }): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions<T> {
  /** Calls at most (Infinity: as many as the deadline allows). */
  attempts: number;
  /** How long to wait after failed attempt `attempt` (1-based) before the next. */
  delayMs: (attempt: number) => number;
  /** Whether a thrown error is worth another attempt; any other error is thrown at once. Default: every error. */
  retryOnError?: (error: unknown) => boolean;
  /** Whether a returned value is a failure worth another attempt; the last attempt's value is returned as it is. */
  retryOnValue?: (value: T) => boolean;
  /** An instant (ms since the epoch) after which no further attempt starts. */
  deadline?: number;
  /** For tests: the clock and the wait. */
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

/**
 * `fn(attempt)` until it succeeds or the attempts (or the deadline) run out: then the last failure stands, its
 * error thrown or its value returned.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions<T>): Promise<T> {
  const { attempts, delayMs, retryOnError = () => true, retryOnValue, deadline } = options;
  const now = options.now ?? Date.now;
  const wait = options.wait ?? sleep;
  /** After failed attempt `attempt`: waits and says whether another may start. */
  const another = async (attempt: number) => {
    if (attempt >= attempts) return false;
    await wait(delayMs(attempt));
    return deadline === undefined || now() < deadline;
  };
  for (let attempt = 1; ; attempt++) {
    let value: T;
    try {
      value = await fn(attempt);
    } catch (error) {
      if (retryOnError(error) && (await another(attempt))) continue;
      throw error;
    }
    if (retryOnValue?.(value) && (await another(attempt))) continue;
    return value;
  }
}
