import { randomUUID } from 'node:crypto';
import type { Instant } from '../../domain/model/time';
import {
  gateCustomerContact,
  recordContact,
  type ContactState,
  type GateDecision,
} from '../../domain/notifications/compliance';
import {
  abandoned,
  block,
  claim,
  deferTo,
  fail,
  holds,
  succeed,
  type Delivery,
} from '../../domain/notifications/delivery';
import { COL, firestore } from '../../data/db';
import { readQuery, runTx } from '../../data/ops';
import { log, maskText } from '../../logs';
import { asProviderError } from '../../notifications/providers/types';
import type { Providers } from '../../notifications/providers';
import { col } from './store';

export type DeliverOutcome = 'sent' | 'retry' | 'failed' | 'deferred' | 'blocked' | 'not-due' | 'lease-lost';

export interface DeliverOptions {
  now?: () => Instant;
  owner?: string;
  /** Test hook: stop after the claim, as a process that dies between claim and send would. */
  crashAfterClaim?: boolean;
}

const clock = () => new Date().toISOString();

type Claimed = { delivery: Delivery; gate: GateDecision | null } | { outcome: DeliverOutcome };

/**
 * Claims the message under a lease, in a transaction that re-reads it (two runners never both claim it).
 * A customer message passes the compliance gate here, atomically with its contact count.
 */
async function claimDelivery(id: string, now: Instant, owner: string): Promise<Claimed> {
  return runTx(async (tx) => {
    const ref = col('outbox').doc(id);
    const snap = await tx.get(ref);
    if (!snap.exists) return { outcome: 'not-due' };
    const current = snap.data() as Delivery;
    const givenUp = abandoned(current, now);
    if (givenUp) {
      tx.set(ref, { ...givenUp });
      return { outcome: 'failed' };
    }
    const claimed = claim(current, now, owner);
    if (!claimed) return { outcome: 'not-due' };
    if (current.recipient.kind !== 'customer') {
      tx.set(ref, { ...claimed });
      return { delivery: claimed, gate: null };
    }
    const contactRef = col('contacts').doc(current.recipient.customerKey ?? current.recipient.address);
    const contactSnap = await tx.get(contactRef);
    const contact: ContactState = {
      optedOut: false,
      recent: [],
      ...(contactSnap.data() as Partial<ContactState> | undefined),
    };
    // The case as it is now: a dispute or hold raised after the message was queued still stops it.
    const caseSnap = current.caseId ? await tx.get(firestore().collection(COL.cases).doc(current.caseId)) : null;
    const indicators = (caseSnap?.get('indicators') as string[] | undefined) ?? [];
    const hold = (caseSnap?.get('hold') as { reason: string } | null | undefined) ?? null;
    const gate = gateCustomerContact({ now, indicators, hold, contact });
    if (gate.decision === 'defer') {
      tx.set(ref, { ...deferTo(current, gate) });
      return { outcome: 'deferred' };
    }
    if (gate.decision === 'deny') {
      tx.set(ref, { ...block(current, gate) });
      tx.create(col('attempts').doc(`${id}~gate`), { deliveryId: id, at: now, outcome: 'blocked', gate });
      return { outcome: 'blocked' };
    }
    tx.set(contactRef, { ...recordContact(contact, now), updatedAt: now });
    tx.set(ref, { ...claimed, gate });
    return { delivery: { ...claimed, gate }, gate };
  });
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
  return runTx(async (tx) => {
    const ref = col('outbox').doc(id);
    const current = (await tx.get(ref)).data() as Delivery | undefined;
    const attemptRef = col('attempts').doc(`${id}~${String(d.attempts).padStart(2, '0')}`);
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
    if (!current || !holds(current, owner)) {
      // Our lease ran out and someone else took the message over: log what we did, change nothing else.
      tx.set(attemptRef, { ...attempt, note: 'lease lost before recording' });
      log.warn('notification lease lost', { id, attempt: d.attempts });
      return 'lease-lost';
    }
    tx.set(attemptRef, attempt);
    if (result.ok) {
      tx.set(ref, {
        ...succeed(current, finishedAt, {
          name: result.receipt.provider,
          id: result.receipt.id,
          status: result.receipt.status,
        }),
      });
      return 'sent';
    }
    const next = fail(current, finishedAt, result.error);
    tx.set(ref, { ...next });
    log.warn('notification attempt failed', { id, attempt: d.attempts, error: result.error, state: next.state });
    return next.state === 'PENDING' ? 'retry' : 'failed';
  });
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
