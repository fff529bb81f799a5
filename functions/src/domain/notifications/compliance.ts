import { z } from 'zod';
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

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (00:00 to 23:59)');

/** The contact policy as an administrator edits it (maker) and a second person approves it (checker). */
export const contactPolicySchema = z
  .strictObject({
    maxPerDay: z.number().int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20'),
    maxPerWeek: z.number().int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50'),
    quietHours: z.strictObject({ start: hhmm, end: hhmm }),
    timeZone: z
      .string()
      .trim()
      .min(1, 'is required')
      .refine(
        (tz) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        },
        { message: 'is not a time zone (e.g. Asia/Colombo)' },
      ),
    blockingIndicators: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a lower-case code like do_not_contact'),
      )
      .max(30, 'at most 30 indicators'),
  })
  .refine((p) => p.maxPerWeek >= p.maxPerDay, {
    message: 'must be at least the daily cap',
    path: ['maxPerWeek'],
  });

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

/**
 * The gate for a contact a person makes (an RO's call, visit or SMS), as against an automated message: what a
 * machine would defer or drop, a person is warned about and may still do (outside the hours, over the cap), while
 * an opt-out, a blocking indicator or a hold stops it outright.
 */
export type ContactFindingCode =
  'opted_out' | 'indicator' | 'hold' | 'quiet_hours' | 'daily_cap' | 'weekly_cap' | 'partly_opted_out';

export interface ContactFinding {
  code: ContactFindingCode;
  /** The indicator, the hold's reason, the count, or the time contact is allowed again. */
  detail: string;
}

export interface ContactCheck {
  decision: 'allow' | 'warn' | 'block';
  /** Blocking findings when blocked; otherwise the warnings (empty when allowed). */
  reasons: ContactFinding[];
  at: Instant;
}

/** Channels that reach the customer on a phone number: an opt-out of that number forbids them. */
export const NUMBER_CHANNELS: readonly string[] = ['phone', 'sms'];

export interface ContactCheckInput {
  now: Instant;
  channel: string;
  indicators: readonly string[];
  hold: { reason: string } | null;
  /** The customer's numbers (normalised) and those of them that opted out. */
  numbers: readonly string[];
  optedOut: readonly string[];
  /** When the customer was contacted lately, by anyone (messages and people). */
  recent: readonly Instant[];
  policy?: ContactPolicy;
}

export function checkContact(input: ContactCheckInput): ContactCheck {
  const policy = input.policy ?? DEFAULT_CONTACT_POLICY;
  const at = input.now;
  const blocking: ContactFinding[] = [];
  const numbers = input.numbers.filter((n, i, all) => all.indexOf(n) === i);
  const out = numbers.filter((n) => input.optedOut.includes(n));
  const byNumber = NUMBER_CHANNELS.includes(input.channel);
  if (byNumber && numbers.length > 0 && out.length === numbers.length)
    blocking.push({ code: 'opted_out', detail: out.join(', ') });
  for (const i of input.indicators)
    if (policy.blockingIndicators.includes(i)) blocking.push({ code: 'indicator', detail: i });
  if (input.hold) blocking.push({ code: 'hold', detail: input.hold.reason });
  if (blocking.length > 0) return { decision: 'block', reasons: blocking, at };

  const warnings: ContactFinding[] = [];
  if (byNumber && out.length > 0) warnings.push({ code: 'partly_opted_out', detail: out.join(', ') });
  const until = quietUntil(at, policy.quietHours, policy.timeZone);
  if (until) warnings.push({ code: 'quiet_hours', detail: until });
  const now = Date.parse(at);
  const lastDay = input.recent.filter((t) => now - Date.parse(t) < DAY_MS).length;
  const lastWeek = input.recent.filter((t) => now - Date.parse(t) < 7 * DAY_MS).length;
  if (lastDay >= policy.maxPerDay) warnings.push({ code: 'daily_cap', detail: String(lastDay) });
  else if (lastWeek >= policy.maxPerWeek) warnings.push({ code: 'weekly_cap', detail: String(lastWeek) });
  return { decision: warnings.length ? 'warn' : 'allow', reasons: warnings, at };
}

/** The English sentence for a finding (API clients and the audit trail; the web client words its own). */
export function describeFinding(f: ContactFinding, policy: ContactPolicy = DEFAULT_CONTACT_POLICY): string {
  switch (f.code) {
    case 'opted_out':
      return `the customer opted out of contact on ${f.detail}`;
    case 'partly_opted_out':
      return `the customer opted out on ${f.detail}; use only their other number`;
    case 'indicator':
      return `the case carries the ${f.detail.replace(/_/g, ' ')} indicator`;
    case 'hold':
      return `the case is on hold (${f.detail})`;
    case 'quiet_hours':
      return `it is outside the contact hours (${policy.quietHours.end} to ${policy.quietHours.start}, ${policy.timeZone})`;
    case 'daily_cap':
      return `the customer was contacted ${f.detail} time(s) in the last 24 hours (the cap is ${policy.maxPerDay})`;
    case 'weekly_cap':
      return `the customer was contacted ${f.detail} time(s) in the last 7 days (the cap is ${policy.maxPerWeek})`;
  }
}
