import type { Instant } from '../model/time';
import { backoffMs } from '../retry/retry';

/**
 * How work that a trigger may not finish (a request, a source change) is retried: the trigger's own retries
 * first, then the sweep, each attempt counted on the document, and after the last one a final state with the
 * reason (docs/decisions/0027-retries-and-the-sweep.md).
 */
export const RETRY = {
  /** Attempts before a request is REJECTED or a source change FAILED with the last reason. */
  maxAttempts: 5,
  /** How long one attempt holds the document; a run that died is taken over by the sweep after it. */
  leaseMs: 2 * 60_000,
  /** A document still PENDING this long after it was written is the sweep's to re-drive. */
  sweepAfterMs: 3 * 60_000,
  /** The first wait after a failed attempt; it doubles with each attempt, up to maxBackoffMs. */
  backoffMs: 60_000,
  maxBackoffMs: 30 * 60_000,
  /** How many documents of each kind one sweep run takes on (the rest wait for the next run). */
  sweepBatch: 50,
} as const;

export const plusMs = (at: Instant, ms: number): Instant => new Date(Date.parse(at) + ms).toISOString();

/** When the sweep may try again after `attempts` failed attempts: 1, 2, 4, 8... minutes, capped. */
export function nextAttemptAt(
  now: Instant,
  attempts: number,
  base: number = RETRY.backoffMs,
  cap: number = RETRY.maxBackoffMs,
): Instant {
  return plusMs(now, backoffMs(attempts, { baseMs: base, maxMs: cap }));
}

/** The reason a client reads when a request could not be processed at all. */
export function exhaustedMessage(attempts: number, reason: string): string {
  const why = reason.trim().replace(/[.\s]+$/, '') || 'the work stopped before it finished';
  return `The request could not be processed after ${attempts} attempts: ${why}; nothing was changed.`;
}

/**
 * Whether an attempt may start now: never while another attempt's lease runs; the sweep also waits for the
 * backoff after a failed attempt (a trigger's own retry is already spaced by the platform).
 */
export function mayAttempt(
  doc: { leaseUntil?: Instant | null; nextAttemptAt?: Instant | null },
  now: Instant,
  by: 'trigger' | 'sweep',
): boolean {
  if (doc.leaseUntil && doc.leaseUntil > now) return false;
  return by === 'trigger' || !doc.nextAttemptAt || doc.nextAttemptAt <= now;
}
