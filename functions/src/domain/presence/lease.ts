import type { Instant } from '../model/time';

/**
 * A customer's lease (`presence/{customerKey}`): who works with the customer now. Pure decisions only; the
 * service reads and writes it in a transaction (services/presence.ts).
 */
/** A lease lapses unless renewed within this many seconds (a closed tab, a phone out of coverage). */
export const LEASE_SECONDS = 90;
/** How often the holder's client renews it while the case is open. */
export const RENEW_SECONDS = 30;

export interface Lease {
  customerKey: string;
  caseId: string;
  holder: { uid: string; displayName: string; role: string };
  /** When the holder's continuous hold began (kept across renewals and across the customer's cases). */
  acquiredAt: Instant;
  renewedAt: Instant;
  expiresAt: Instant;
  /** Who was made to let go at the hold limit, and until when they may not take the customer again. */
  cappedUid?: string | null;
  cappedUntil?: Instant | null;
}

export interface LeaseTerms {
  leaseSeconds: number;
  /** The longest continuous hold: past it a renewal is refused and the lease lapses for the others. */
  maxHoldSeconds: number;
}

export const isLive = (lease: Lease | null, now: Instant): lease is Lease => !!lease && lease.expiresAt > now;

/** Another user's live lease, or null (none, lapsed, or the caller's own). */
export function foreignLease(lease: Lease | null, uid: string, now: Instant): Lease | null {
  return isLive(lease, now) && lease.holder.uid !== uid ? lease : null;
}

export type LeaseDecision =
  /** Write `lease`: taken or renewed. */
  | { kind: 'take'; lease: Lease }
  /** Another user holds it; nothing to write. */
  | { kind: 'held'; lease: Lease }
  /**
   * The caller reached the hold limit (or was made to let go a moment ago): write `lapsed`, which frees the
   * customer for everyone else and keeps the caller out for one lease period, so a waiting user gets a turn.
   */
  | { kind: 'hold-limit'; lapsed: Lease };

const plus = (at: Instant, seconds: number): Instant => new Date(Date.parse(at) + seconds * 1000).toISOString();

/**
 * Take, renew or refuse. Renewing never extends a hold past `maxHoldSeconds`: one person cannot keep a
 * customer for ever while someone else waits; after the limit they must let go for one lease period.
 */
export function decideAcquire(
  current: Lease | null,
  holder: Lease['holder'],
  target: { customerKey: string; caseId: string },
  now: Instant,
  terms: LeaseTerms,
): LeaseDecision {
  const foreign = foreignLease(current, holder.uid, now);
  if (foreign) return { kind: 'held', lease: foreign };
  const mine = isLive(current, now) ? current : null;
  const coolingDown = current?.cappedUid === holder.uid && !!current.cappedUntil && current.cappedUntil > now;
  if (coolingDown && !mine) return { kind: 'hold-limit', lapsed: current! };
  if (mine && Date.parse(now) - Date.parse(mine.acquiredAt) >= terms.maxHoldSeconds * 1000) {
    return {
      kind: 'hold-limit',
      lapsed: { ...mine, expiresAt: now, cappedUid: holder.uid, cappedUntil: plus(now, terms.leaseSeconds) },
    };
  }
  return {
    kind: 'take',
    lease: {
      customerKey: target.customerKey,
      caseId: target.caseId,
      holder,
      acquiredAt: mine ? mine.acquiredAt : now,
      renewedAt: now,
      expiresAt: plus(now, terms.leaseSeconds),
      cappedUid: null,
      cappedUntil: null,
    },
  };
}
