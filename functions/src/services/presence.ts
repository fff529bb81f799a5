import { defineInt } from 'firebase-functions/params';
import { decideAcquire, foreignLease, isLive, type Lease, type LeaseTerms } from '../domain/presence/lease';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { canSeeCase } from '../domain/policy/caseScope';
import { COL, firestore } from '../data/db';
import { readDoc, runTx, type Tx } from '../data/ops';

/**
 * Live presence (docs/decisions/0016): one short lease per customer (`presence/{customerKey}`), so two people never
 * record contact with the same customer at the same moment, whichever of the customer's cases they are on.
 * The holder renews it while the case is open (every RENEW_SECONDS) and releases it on leaving; a lease
 * not renewed for LEASE_SECONDS lapses (a closed tab, a phone out of coverage) and anyone may take it.
 */
export { LEASE_SECONDS, RENEW_SECONDS } from '../domain/presence/lease';
import { LEASE_SECONDS } from '../domain/presence/lease';
import { Refusal } from '../domain/refusal';

export type { Lease } from '../domain/presence/lease';
export { isLive } from '../domain/presence/lease';

/** The longest continuous hold on one customer, from configuration (30 minutes unless set). */
export const LEASE_MAX_HOLD_MINUTES = defineInt('LEASE_MAX_HOLD_MINUTES', {
  default: 30,
  description: 'Longest continuous hold of a customer lease in minutes; then renewal is refused and it lapses',
});

export function leaseTerms(): LeaseTerms {
  let minutes = 30;
  try {
    minutes = LEASE_MAX_HOLD_MINUTES.value();
  } catch {
    // Outside a functions runtime (tests, scripts) the parameter may not be resolvable: the default holds.
  }
  const valid = Number.isFinite(minutes) && minutes >= 1 ? minutes : 30;
  return { leaseSeconds: LEASE_SECONDS, maxHoldSeconds: Math.round(valid * 60) };
}

const leaseRef = (customerKey: string) => firestore().collection(COL.presence).doc(customerKey);

export function leaseKey(c: Pick<CaseState, 'customerKey' | 'id'>): string {
  // Every case has a customerKey (the NIC where known); a document id cannot hold a slash.
  return (c.customerKey || `case_${c.id}`).replace(/\//g, '_');
}

/**
 * Takes or extends the caller's lease on the case's customer, in one transaction. Refused (acquired: false,
 * with the live lease) while another user's lease is live, and refused at the hold limit (the lease then
 * lapses, so a user who waits gets the customer). Re-entrant: the holder acquiring again renews.
 */
export async function acquireLease(
  actor: Actor,
  c: Pick<CaseState, 'customerKey' | 'id'>,
  now: Instant,
): Promise<{ acquired: boolean; lease: Lease | null; refusal: 'held' | 'hold-limit' | null }> {
  const ref = leaseRef(leaseKey(c));
  return runTx(async (tx) => {
    const snap = await tx.get(ref);
    const current = snap.exists ? (snap.data() as Lease) : null;
    const holder = { uid: actor.uid, displayName: actor.displayName ?? actor.uid, role: actor.role };
    const decision = decideAcquire(current, holder, { customerKey: leaseKey(c), caseId: c.id }, now, leaseTerms());
    if (decision.kind === 'held') return { acquired: false, lease: decision.lease, refusal: 'held' };
    if (decision.kind === 'hold-limit') {
      tx.set(ref, { ...decision.lapsed });
      return { acquired: false, lease: null, refusal: 'hold-limit' };
    }
    tx.set(ref, { ...decision.lease });
    return { acquired: true, lease: decision.lease, refusal: null };
  });
}

/** Gives the lease up if the caller holds it; anything else is left alone. */
export async function releaseLease(actor: Actor, c: Pick<CaseState, 'customerKey' | 'id'>): Promise<boolean> {
  const ref = leaseRef(leaseKey(c));
  return runTx(async (tx) => {
    const snap = await tx.get(ref);
    const lease = snap.exists ? (snap.data() as Lease) : null;
    // A lease lapsed at the hold limit stays, so letting go cannot cut short the turn of whoever waits.
    if (!lease || lease.holder.uid !== actor.uid || lease.cappedUid) return false;
    tx.delete(ref);
    return true;
  });
}

/** The live lease on the case's customer, if any (one read). */
export async function liveLease(c: Pick<CaseState, 'customerKey' | 'id'>, now: Instant): Promise<Lease | null> {
  const snap = await readDoc(leaseRef(leaseKey(c)));
  const lease = snap.exists ? (snap.data() as Lease) : null;
  return isLive(lease, now) ? lease : null;
}

/**
 * Refuses a write on the customer while another user's lease is live (FAILED_PRECONDITION, saying who and
 * until when). No lease, a lapsed one or the caller's own: nothing to refuse.
 */
export async function assertNoForeignLease(actor: Actor, c: Pick<CaseState, 'customerKey' | 'id'>): Promise<void> {
  const lease = await liveLease(c, new Date().toISOString());
  if (lease && lease.holder.uid !== actor.uid) {
    const holder = await holderSeenBy(actor, lease, c.id);
    throw new Refusal(
      'failed-precondition',
      `${holder?.displayName ?? 'Another user'} is working with this customer right now; try again when they have finished (their lease lapses at ${lease.expiresAt}).`,
      { reason: 'lease-held', holder, expiresAt: lease.expiresAt },
    );
  }
}

/**
 * Who holds the lease, as this caller may learn it. The lease is per customer, so it may be on another case of
 * theirs, possibly with another DRC: its holder is named only to a caller who may see that case (one read);
 * anyone else learns only that another user is working with the customer.
 */
export async function holderSeenBy(actor: Actor, lease: Lease, caseId: string): Promise<Lease['holder'] | null> {
  if (lease.caseId === caseId || lease.holder.uid === actor.uid) return lease.holder;
  const snap = await readDoc(firestore().collection(COL.cases).doc(lease.caseId));
  return snap.exists && canSeeCase(actor, snap.data() as CaseState) ? lease.holder : null;
}

/**
 * The same check inside a request's transaction, for request documents a client wrote directly (the full-stack
 * web client does): the refusal names nobody, as the holder may be of another DRC.
 */
export async function foreignLeaseIn(tx: Tx, actor: Actor, c: Pick<CaseState, 'customerKey' | 'id'>, now: Instant) {
  const snap = await tx.get(leaseRef(leaseKey(c)));
  return foreignLease(snap.exists ? (snap.data() as Lease) : null, actor.uid, now);
}

/** Case actions that talk to or about the customer: refused while someone else holds the customer. */
export const CUSTOMER_ACTIONS = ['recordContact', 'recordPayment', 'recordCpeCollection', 'escalate'];
