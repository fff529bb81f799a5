import type { Instant } from '../model/time';
import { quietUntil, type QuietHours } from './preferences';

/**
 * The contact-compliance gate every outbound message to a customer passes: consent and
 * opt-out, holds (dispute, deceased, bankruptcy, another case's hold), quiet hours in the customer's time,
 * and frequency caps. Pure: the caller records the decision it returns on the message.
 */
export interface ContactPolicy {
  maxPerDay: number;
  maxPerWeek: number;
  quietHours: QuietHours;
  timeZone: string;
  /** Indicators that stop every contact. */
  blockingIndicators: string[];
}

export const DEFAULT_CONTACT_POLICY: ContactPolicy = {
  maxPerDay: 1,
  maxPerWeek: 3,
  // Sri Lankan practice for collections contact: not before 08:00 nor after 20:00.
  quietHours: { start: '20:00', end: '08:00' },
  timeZone: 'Asia/Colombo',
  blockingIndicators: ['dispute', 'deceased', 'bankruptcy', 'do_not_contact', 'cease_and_desist', 'fraud'],
};

export interface ContactState {
  /** The customer said STOP or withdrew consent. */
  optedOut: boolean;
  /** When earlier messages went out (the last week's are enough). */
  recent: Instant[];
}

export interface GateInput {
  now: Instant;
  indicators: string[];
  hold: { reason: string } | null;
  contact: ContactState;
  policy?: ContactPolicy;
}

export type GateDecision =
  | { decision: 'allow'; reason: 'ok'; at: Instant }
  | { decision: 'defer'; reason: 'quiet_hours'; until: Instant; at: Instant }
  | {
      decision: 'deny';
      reason: 'opted_out' | 'indicator' | 'hold' | 'daily_cap' | 'weekly_cap';
      detail: string;
      at: Instant;
    };

const DAY_MS = 86_400_000;

export function gateCustomerContact(input: GateInput): GateDecision {
  const policy = input.policy ?? DEFAULT_CONTACT_POLICY;
  const at = input.now;
  if (input.contact.optedOut) return { decision: 'deny', reason: 'opted_out', detail: 'the customer opted out', at };
  const blocking = input.indicators.find((i) => policy.blockingIndicators.includes(i));
  if (blocking) return { decision: 'deny', reason: 'indicator', detail: blocking, at };
  if (input.hold) return { decision: 'deny', reason: 'hold', detail: input.hold.reason, at };
  const until = quietUntil(at, policy.quietHours, policy.timeZone);
  if (until) return { decision: 'defer', reason: 'quiet_hours', until, at };
  const now = Date.parse(at);
  const lastDay = input.contact.recent.filter((t) => now - Date.parse(t) < DAY_MS).length;
  if (lastDay >= policy.maxPerDay)
    return { decision: 'deny', reason: 'daily_cap', detail: `${lastDay} in the last 24 h`, at };
  const lastWeek = input.contact.recent.filter((t) => now - Date.parse(t) < 7 * DAY_MS).length;
  if (lastWeek >= policy.maxPerWeek)
    return { decision: 'deny', reason: 'weekly_cap', detail: `${lastWeek} in the last 7 days`, at };
  return { decision: 'allow', reason: 'ok', at };
}

/** The contact history after a message goes out: this one added, anything older than a week dropped. */
export function recordContact(contact: ContactState, now: Instant): ContactState {
  const cutoff = Date.parse(now) - 7 * DAY_MS;
  return { ...contact, recent: [...contact.recent.filter((t) => Date.parse(t) > cutoff), now] };
}
