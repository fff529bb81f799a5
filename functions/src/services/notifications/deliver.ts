import { randomUUID } from 'node:crypto';
import type { Instant } from '../../domain/model/time';
import {
  gateCustomerContact,
  recordContact,
  type ContactState,
  type GateDecision,
} from '../../domain/notifications/compliance';
import { abandoned, block, claim, deferTo, fail, succeed, type Delivery } from '../../domain/notifications/delivery';
import { COL, firestore } from '../../data/db';
import { CountedBatch, readQuery, runTx, type Tx } from '../../data/ops';
import { log, maskText } from '../../logs';
import { asProviderError } from '../../notifications/providers/types';
import type { Providers } from '../../notifications/providers';
import { col } from './store';
import { normalisePhone } from '../../domain/notifications/optOut';
import { currentContactPolicy } from '../compliance/contactPolicy';
import { optedOutAmong } from '../compliance/optOut';

export type DeliverOutcome = 'sent' | 'retry' | 'failed' | 'deferred' | 'blocked' | 'not-due' | 'lease-lost';

export interface DeliverOptions {
  now?: () => Instant;
  owner?: string;
  /** Test hook: stop after the claim, as a process that dies between claim and send would. */
  crashAfterClaim?: boolean;
}

const clock = () => new Date().toISOString();

type Claimed = { delivery: Delivery; gate: GateDecision | null } | { outcome: DeliverOutcome };

/** The log entry of attempt `n` of a message; created once, by whoever ends that attempt (see recordOutcome). */
const attemptDoc = (id: string, n: number) => col('attempts').doc(`${id}~${String(n).padStart(2, '0')}`);

/**
 * Ends the previous attempt when its lease ran out: creates that attempt's log entry, so its runner, if it is
 * still alive, finds the entry taken when it comes to record and changes nothing (recordOutcome). This is the
 * write that makes a takeover safe without the runner re-reading the message; it must be the transaction's first
 * write (the offline emulator refuses a commit whole only when its first write is the failing create).
 */
function endExpiredAttempt(tx: Tx, id: string, current: Delivery, now: Instant): void {
  if (current.state !== 'PROCESSING') return;
  tx.create(attemptDoc(id, current.attempts), {
    deliveryId: id,
    attempt: current.attempts,
    owner: current.lease?.owner ?? null,
    channel: current.channel,
    startedAt: null,
    finishedAt: now,
    outcome: 'lease-expired',
    receipt: null,
    error: null,
    note: 'the lease ran out before the runner recorded an outcome',
  });
}

/**
 * Claims the message under a lease, in a transaction that re-reads it (two runners never both claim it).
 * A customer message passes the compliance gate here, atomically with its contact count.
 */
async function claimDelivery(id: string, now: Instant, owner: string): Promise<Claimed> {
  try {
    return await runTx(async (tx) => {
      const ref = col('outbox').doc(id);
      const snap = await tx.get(ref);
      if (!snap.exists) return { outcome: 'not-due' };
      const current = snap.data() as Delivery;
      const givenUp = abandoned(current, now);
      if (givenUp) {
        endExpiredAttempt(tx, id, current, now);
        tx.set(ref, { ...givenUp });
        return { outcome: 'failed' };
      }
      const claimed = claim(current, now, owner);
      if (!claimed) return { outcome: 'not-due' };
      if (current.recipient.kind !== 'customer') {
        endExpiredAttempt(tx, id, current, now);
        tx.set(ref, { ...claimed });
        return { delivery: claimed, gate: null };
      }
      // The approved contact policy (caps, hours, blocking indicators), through its cache: customer messages only.
      const { policy } = await currentContactPolicy();
      const contactRef = col('contacts').doc(current.recipient.customerKey ?? current.recipient.address);
      const contactSnap = await tx.get(contactRef);
      const stored: ContactState = {
        optedOut: false,
        recent: [],
        ...(contactSnap.data() as Partial<ContactState> | undefined),
      };
      // An SMS to a number that texted STOP is not sent, whichever case or customer it is for.
      const phone = current.channel === 'sms' ? normalisePhone(current.recipient.address) : null;
      const smsOptOut = phone ? (await optedOutAmong(tx, [phone])).length > 0 : false;
      const contact: ContactState = { ...stored, optedOut: stored.optedOut || smsOptOut };
      // The case as it is now: a dispute or hold raised after the message was queued still stops it.
      const caseSnap = current.caseId ? await tx.get(firestore().collection(COL.cases).doc(current.caseId)) : null;
      const indicators = (caseSnap?.get('indicators') as string[] | undefined) ?? [];
      const hold = (caseSnap?.get('hold') as { reason: string } | null | undefined) ?? null;
      const gate = gateCustomerContact({ now, indicators, hold, contact, policy });
      endExpiredAttempt(tx, id, current, now);
      if (gate.decision === 'defer') {
        tx.set(ref, { ...deferTo(current, gate) });
        return { outcome: 'deferred' };
      }
      if (gate.decision === 'deny') {
        tx.set(ref, { ...block(current, gate) });
        tx.create(col('attempts').doc(`${id}~gate`), { deliveryId: id, at: now, outcome: 'blocked', gate });
        return { outcome: 'blocked' };
      }
      tx.set(contactRef, { ...recordContact(stored, now), updatedAt: now });
      tx.set(ref, { ...claimed, gate });
      return { delivery: { ...claimed, gate }, gate };
    });
  } catch (error) {
    // The expired attempt's runner recorded its outcome between our read and our commit: the message moved on
    // and is not ours to take (the sweep finds it again if it is due).
    if ((error as { code?: number }).code === 6) return { outcome: 'not-due' };
    throw error;
  }
}

/**
 * Sends one outbox message if it is due: claim (lease) → send → record, each attempt logged in
 * `notificationAttempts`. A process that dies after the claim leaves the message PROCESSING until the
 * lease runs out; the sweep then claims it again (nothing lost), and since nothing was sent, it is sent once.
 */
export async function deliverOne(
  id: string,
  providers: Providers,
  options: DeliverOptions = {},
): Promise<DeliverOutcome> {
  const now = options.now ?? clock;
  const owner = options.owner ?? randomUUID();
  const startedAt = now();
  const claimed = await claimDelivery(id, startedAt, owner);
  if ('outcome' in claimed) return claimed.outcome;
  if (options.crashAfterClaim) throw new Error('simulated crash after claim');
  const d = claimed.delivery;
  const sender = d.channel === 'sms' ? providers.sms : providers.email;
  let result:
    | { ok: true; receipt: { provider: string; id: string; status: string } }
    | { ok: false; error: ReturnType<typeof asProviderError> };
  try {
    result = {
      ok: true,
      receipt: await sender.send({ id, to: d.recipient.address, subject: d.subject, body: d.body }),
    };
  } catch (error) {
    const e = asProviderError(error);
    // Providers quote the recipient in their messages: masked before it is stored or logged.
    result = { ok: false, error: { ...e, message: maskText(e.message) } };
  }
  const finishedAt = now();
  const attempt = {
    deliveryId: id,
    attempt: d.attempts,
    owner,
    channel: d.channel,
    startedAt,
    finishedAt,
    outcome: result.ok ? 'sent' : 'error',
    receipt: result.ok ? result.receipt : null,
    error: result.ok ? null : result.error,
  };
  const next = result.ok
    ? succeed(d, finishedAt, { name: result.receipt.provider, id: result.receipt.id, status: result.receipt.status })
    : fail(d, finishedAt, result.error);
  if (!(await recordOutcome(id, d.attempts, attempt, next))) {
    log.warn('notification lease lost', { id, attempt: d.attempts });
    return 'lease-lost';
  }
  if (result.ok) return 'sent';
  log.warn('notification attempt failed', { id, attempt: d.attempts, error: result.error, state: next.state });
  return next.state === 'PENDING' ? 'retry' : 'failed';
}

/**
 * Records an attempt's outcome without reading the message again (docs/decisions/0034-notification-reads.md):
 * one batch whose first write creates the attempt's log entry, then the message's state. Whoever took the message
 * over after our lease ran out created that entry already (endExpiredAttempt), so the batch then writes nothing:
 * our outcome is logged beside it and the new owner's state stands. While we hold the lease nothing else changes
 * the state-machine fields, so the update writes only those (a provider's status callback keeps its own).
 */
async function recordOutcome(
  id: string,
  n: number,
  attempt: Record<string, unknown>,
  next: Delivery,
): Promise<boolean> {
  try {
    const batch = new CountedBatch();
    batch.create(attemptDoc(id, n), attempt);
    batch.update(col('outbox').doc(id), {
      state: next.state,
      dueAt: next.dueAt,
      lease: next.lease,
      error: next.error,
      deliveredAt: next.deliveredAt,
      updatedAt: next.updatedAt,
      ...(next.state === 'SUCCESS' ? { provider: next.provider } : {}),
    });
    await batch.commit();
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 6) throw error;
    const late = new CountedBatch();
    late.set(col('attempts').doc(`${id}~${String(n).padStart(2, '0')}~late`), {
      ...attempt,
      note: 'lease lost before recording',
    });
    await late.commit();
    return false;
  }
}

export interface SweepStats {
  due: number;
  outcomes: Partial<Record<DeliverOutcome, number>>;
}

/** Retries what is due: messages waiting out their backoff or quiet hours, and leases that ran out. */
export async function sweepOutbox(
  providers: Providers,
  options: DeliverOptions & { limit?: number } = {},
): Promise<SweepStats> {
  const now = (options.now ?? clock)();
  const page = await readQuery(
    col('outbox')
      .where('dueAt', '<=', now)
      .orderBy('dueAt')
      .limit(options.limit ?? 200),
  );
  const stats: SweepStats = { due: page.size, outcomes: {} };
  // One at a time: each is its own transaction; a failure of one does not stop the others.
  for (const doc of page.docs) {
    try {
      const outcome = await deliverOne(doc.id, providers, options);
      stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
    } catch (error) {
      log.error('notification sweep failed on one message', { id: doc.id, error: String(error) });
    }
  }
  return stats;
}
