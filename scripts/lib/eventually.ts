import { retry } from '../../functions/src/domain/retry/retry';

/**
 * What `probe` finds, once it finds something (neither null nor undefined), asked every `everyMs` until `ms` have
 * passed: for end-to-end checks of what the running stack does in its own time (a trigger, a callback).
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined>,
  ms = 30_000,
  everyMs = 500,
): Promise<T> {
  const value = await retry(probe, {
    attempts: Infinity,
    deadline: Date.now() + ms,
    delayMs: () => everyMs,
    retryOnValue: (v) => v === null || v === undefined,
  });
  if (value === null || value === undefined) throw new Error(`timed out waiting for ${what}`);
  return value;
}
