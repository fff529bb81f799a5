import { createHash } from 'node:crypto';
import type { Instant } from '../model/time';
import type { GateDecision } from './compliance';
import type { EventKind } from './events';
import type { Channel } from './routing';
import type { Language, TemplateKey } from './templates';

/**
 * An outbound message is a document that moves through states (docs/architecture.md), as firestore-send-email does:
 *
 *   PENDING ──claim (lease)──▶ PROCESSING ──sent──▶ SUCCESS
 *      ▲                          │  └──permanent error / attempts used up──▶ ERROR
 *      └──transient error (backoff)┘
 *   PENDING ──compliance gate denies──▶ BLOCKED      PENDING ──quiet hours──▶ PENDING (later)
 *
 * `dueAt` is the one field the retry sweep queries: when a PENDING message may next be tried, or when a
 * PROCESSING message's lease runs out (its claimer died); null once the message is final.
 */
export const DELIVERY_STATES = ['PENDING', 'PROCESSING', 'SUCCESS', 'ERROR', 'BLOCKED'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export type OutboundChannel = Exclude<Channel, 'inapp'>;

export interface ProviderError {
  code: string;
  message: string;
  /** Worth trying again (network, 429, 5xx, SMTP 4xx); a permanent one (bad number, 5xx SMTP reply) is not. */
  transient: boolean;
}

export interface Delivery {
  id: string;
  eventId: string;
  /** An event's kind, or the invitation (sent to the invitee only, outside routing: invitation.ts). */
  kind: EventKind | 'user_invited';
  channel: OutboundChannel;
  recipient: { kind: 'user' | 'customer'; uid: string | null; address: string; customerKey: string | null };
  caseId: string | null;
  language: Language;
  subject: string;
  body: string;
  missingTranslation: { language: Language; key: TemplateKey } | null;
  state: DeliveryState;
  attempts: number;
  maxAttempts: number;
  dueAt: Instant | null;
  lease: { owner: string; expiresAt: Instant } | null;
  provider: { name: string; id: string; status: string } | null;
  error: ProviderError | null;
  /** The compliance gate's last decision (customer messages only). */
  gate: GateDecision | null;
  createdAt: Instant;
  updatedAt: Instant;
  deliveredAt: Instant | null;
}

export const MAX_ATTEMPTS = 5;

/** A new delivery's state-machine fields: nothing tried yet, nobody holding it. */
export function unsentDelivery(now: Instant) {
  return {
    attempts: 0,
    maxAttempts: MAX_ATTEMPTS,
    lease: null,
    provider: null,
    error: null,
    gate: null,
    createdAt: now,
    updatedAt: now,
    deliveredAt: null,
  };
}
export const LEASE_MS = 120_000;

/** Wait before attempt n+1 after n failed attempts: 30 s, 2 min, 8 min, 32 min, capped at an hour. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(3_600_000, 30_000 * 4 ** Math.max(0, failedAttempts - 1));
}

const plus = (at: Instant, ms: number): Instant => new Date(Date.parse(at) + ms).toISOString();

/**
 * A message whose every attempt died mid-send (lease ran out, attempts used up) is given up: ERROR, so a
 * crashing sender cannot retry it forever. Null when the message is not in that state.
 */
export function abandoned(d: Delivery, now: Instant): Delivery | null {
  const leaseRanOut = d.state === 'PROCESSING' && d.dueAt !== null && d.dueAt <= now;
  if (!leaseRanOut || d.attempts < d.maxAttempts) return null;
  const error: ProviderError = {
    code: 'attempts-exhausted',
    message: `the sender stopped without an answer on all ${d.attempts} attempts`,
    transient: false,
  };
  return { ...d, state: 'ERROR', dueAt: null, lease: null, error, updatedAt: now };
}

/** Whether `owner` may take the message now; the claimed version, or null (not due, final, or leased by someone alive). */
export function claim(d: Delivery, now: Instant, owner: string, leaseMs = LEASE_MS): Delivery | null {
  const due = d.dueAt !== null && d.dueAt <= now;
  if (!due || (d.state !== 'PENDING' && d.state !== 'PROCESSING')) return null;
  if (abandoned(d, now)) return null;
  const expiresAt = plus(now, leaseMs);
  return {
    ...d,
    state: 'PROCESSING',
    attempts: d.attempts + 1,
    lease: { owner, expiresAt },
    dueAt: expiresAt,
    updatedAt: now,
  };
}

/** The gate said not now: back to PENDING until then, the attempt not counted. */
export function deferTo(d: Delivery, gate: GateDecision & { decision: 'defer' }): Delivery {
  return { ...d, state: 'PENDING', dueAt: gate.until, lease: null, gate, updatedAt: gate.at };
}

export function block(d: Delivery, gate: GateDecision & { decision: 'deny' }): Delivery {
  return { ...d, state: 'BLOCKED', dueAt: null, lease: null, gate, updatedAt: gate.at };
}

/** Only the lease holder may finish; a late finisher whose lease was taken over changes nothing. */
export function holds(d: Delivery, owner: string): boolean {
  return d.state === 'PROCESSING' && d.lease?.owner === owner;
}

export function succeed(d: Delivery, now: Instant, provider: { name: string; id: string; status: string }): Delivery {
  return { ...d, state: 'SUCCESS', dueAt: null, lease: null, provider, error: null, deliveredAt: now, updatedAt: now };
}

export function fail(d: Delivery, now: Instant, error: ProviderError): Delivery {
  if (error.transient && d.attempts < d.maxAttempts) {
    return { ...d, state: 'PENDING', dueAt: plus(now, backoffMs(d.attempts)), lease: null, error, updatedAt: now };
  }
  return { ...d, state: 'ERROR', dueAt: null, lease: null, error, updatedAt: now };
}

/**
 * A customer as a delivery id names them: a digest of their key, never the key itself (it holds the NIC where
 * known, and the delivery id travels in Twilio's status-callback URL and in logs).
 */
export function customerRecipientKey(customerKey: string): string {
  return `customer:${createHash('sha256').update(customerKey).digest('hex').slice(0, 20)}`;
}

/** Deterministic document ids: the same event, recipient and channel always name the same message. */
export function deliveryId(eventId: string, recipientKey: string, channel: Channel): string {
  return `${eventId}|${recipientKey}|${channel}`.replace(/[/\s]/g, '~').slice(0, 1400);
}

/**
 * Twilio's message statuses in the order a message moves through them. Callbacks can arrive out of order (a
 * late "sent" after "delivered"), so a status only ever moves forward, and a final one never changes.
 */
const PROVIDER_STATUS_RANK: Record<string, number> = {
  accepted: 1,
  scheduled: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  delivered: 5,
  read: 6,
  undelivered: 6,
  failed: 6,
  canceled: 6,
};
const FINAL_PROVIDER_STATUSES = new Set(['read', 'undelivered', 'failed', 'canceled']);

/** The provider status to keep when a callback reports `incoming` on a message now at `current`. */
export function nextProviderStatus(current: string | null, incoming: string): string | null {
  const had = current === null ? 0 : (PROVIDER_STATUS_RANK[current] ?? 0);
  const got = PROVIDER_STATUS_RANK[incoming];
  if (got === undefined) return current ?? incoming;
  if (current !== null && FINAL_PROVIDER_STATUSES.has(current)) return current;
  // A delivered message is only ever read after; a carrier's late failure report does not undo a delivery.
  if (current === 'delivered' && incoming !== 'read') return current;
  return got > had ? incoming : current;
}
