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
  let last: SourceLookup = { failed: true, reason: 'not tried' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      last = await source.lookup(accountNumber);
      if (!('failed' in last)) return last;
    } catch (error) {
      last = { failed: true, reason: error instanceof Error ? error.message : String(error) };
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, baseDelayMs * 2 ** (attempt - 1)));
  }
  return last;
}
