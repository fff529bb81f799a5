import { backoffMs, retry } from '../domain/retry/retry';
import type { AccountSource, SourceLookup } from '../sources/types';

/**
 * Source systems fail transiently; a lookup is tried a few times with backoff before giving up. Only a `failed`
 * answer is retried: found, not found and inconsistent records are answers, and asking again changes nothing.
 */
export async function lookupWithRetry(
  source: AccountSource,
  accountNumber: string,
  attempts = 3,
  baseDelayMs = 200,
): Promise<SourceLookup> {
  return retry(
    async (): Promise<SourceLookup> => {
      try {
        return await source.lookup(accountNumber);
      } catch (error) {
        return { failed: true, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    { attempts, delayMs: (attempt) => backoffMs(attempt, { baseMs: baseDelayMs }), retryOnValue: (r) => 'failed' in r },
  );
}
