import { HttpsError } from 'firebase-functions/v2/https';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { canSeeCase } from '../domain/policy/caseScope';
import { COL, firestore } from '../data/db';
import { readDoc, runTx } from '../data/ops';

/**
 * Live presence (issue 5 §8): one short lease per customer (`presence/{customerKey}`), so two people never
 * record contact with the same customer at the same moment, whichever of the customer's cases they are on.
 * The holder renews it while the case is open (every RENEW_SECONDS) and releases it on leaving; a lease
 * not renewed for LEASE_SECONDS lapses (a closed tab, a phone out of coverage) and anyone may take it.
 */
export const LEASE_SECONDS = 90;
export const RENEW_SECONDS = 30;

export interface Lease {
  customerKey: string;
  caseId: string;
  holder: { uid: string; displayName: string; role: string };
  acquiredAt: Instant;
  renewedAt: Instant;
  expiresAt: Instant;
}

const leaseRef = (customerKey: string) => firestore().collection(COL.presence).doc(customerKey);

export const isLive = (lease: Lease | null, now: Instant): lease is Lease => !!lease && lease.expiresAt > now;

function leaseKey(c: Pick<CaseState, 'customerKey' | 'id'>): string {
  // Every case has a customerKey (the NIC where known); a document id cannot hold a slash.
  return (c.customerKey || `case_${c.id}`).replace(/\//g, '_');
}

/**
 * Takes or extends the caller's lease on the case's customer, in one transaction. Refused (acquired: false,
 * with the live lease) while another user's lease is live. Re-entrant: the holder acquiring again renews.
 */
export async function acquireLease(
  actor: Actor,
  c: Pick<CaseState, 'customerKey' | 'id'>,
  now: Instant,
): Promise<{ acquired: boolean; lease: Lease }> {
  const ref = leaseRef(leaseKey(c));
  return runTx(async (tx) => {
    const snap = await tx.get(ref);
    const current = snap.exists ? (snap.data() as Lease) : null;
    if (isLive(current, now) && current.holder.uid !== actor.uid) return { acquired: false, lease: current };
    const mine = isLive(current, now) && current.caseId === c.id;
    const lease: Lease = {
      customerKey: leaseKey(c),
      caseId: c.id,
      holder: { uid: actor.uid, displayName: actor.displayName ?? actor.uid, role: actor.role },
      acquiredAt: mine ? current.acquiredAt : now,
      renewedAt: now,
      expiresAt: new Date(Date.parse(now) + LEASE_SECONDS * 1000).toISOString(),
    };
    tx.set(ref, { ...lease });
    return { acquired: true, lease };
  });
}

/** Gives the lease up if the caller holds it; anything else is left alone. */
export async function releaseLease(actor: Actor, c: Pick<CaseState, 'customerKey' | 'id'>): Promise<boolean> {
  const ref = leaseRef(leaseKey(c));
  return runTx(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists || (snap.data() as Lease).holder.uid !== actor.uid) return false;
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
    throw new HttpsError(
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

/** Case actions that talk to or about the customer: refused while someone else holds the customer. */
export const CUSTOMER_ACTIONS = ['recordContact', 'recordPayment', 'recordCpeCollection', 'escalate'];
