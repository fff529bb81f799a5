import type { CaseState } from '../model/case';
import { addDays, type Instant } from '../model/time';
import { caseFactsOf, type CaseFacts, type EventKind } from './events';

/** Configurable follow-up thresholds. */
export interface FollowUpConfig {
  /** Remind the RO (and the customer, through the gate) this long before a promise or follow-up falls due. */
  reminderLeadHours: number;
  /** Escalate an overdue case to its DRC admin after this many days... */
  drcAdminAfterDays: number;
  /** ...and to the operator's recovery officers after this many. */
  officerAfterDays: number;
}

export const DEFAULT_FOLLOW_UPS: FollowUpConfig = { reminderLeadHours: 24, drcAdminAfterDays: 3, officerAfterDays: 7 };

export interface FollowUpItem {
  /** Unique within the case; with the case id it is the event's idempotency key. */
  key: string;
  kind: Extract<EventKind, 'promise_due' | 'follow_up_due' | 'escalation'>;
  at: Instant;
  level?: number;
  vars: Record<string, string>;
}

/** A case's pending follow-ups (`notifySchedule/{caseId}`); `nextAt` is what the schedule queries. */
export interface FollowUpSchedule {
  caseId: string;
  facts: CaseFacts;
  items: FollowUpItem[];
  /** Keys already turned into events. */
  sent: string[];
  nextAt: Instant | null;
}

const startOf = (date: string): Instant => `${date}T00:00:00.000Z`;

/** Since when the case has been late: its oldest open to-do's due time, or a follow-up date that passed. */
export function overdueSince(c: Pick<CaseState, 'tasks' | 'nextFollowUpOn'>): Instant | null {
  const candidates = (c.tasks ?? []).filter((t) => t.status === 'open').map((t) => t.dueAt ?? t.raisedAt);
  if (c.nextFollowUpOn) candidates.push(addDays(startOf(c.nextFollowUpOn), 1));
  return candidates.length ? candidates.sort()[0]! : null;
}

/**
 * Whether the case has follow-up items now (exactly when followUpItems is not empty, whatever the thresholds):
 * open promises, a follow-up date, or an open to-do, on a case not closed. Item keys do not depend on the
 * thresholds either, so the keys of followUpItems(c) say which scheduled items still apply.
 */
export function hasFollowUps(c: Pick<CaseState, 'closedAt' | 'promises' | 'tasks' | 'nextFollowUpOn'>): boolean {
  if (c.closedAt) return false;
  return (c.promises ?? []).some((p) => p.status === 'open') || overdueSince(c) !== null;
}

/** The follow-up items a case has now; recomputed on every change, so a resolved cause drops its reminder. */
export function followUpItems(c: CaseState, config: FollowUpConfig = DEFAULT_FOLLOW_UPS): FollowUpItem[] {
  if (c.closedAt) return [];
  const lead = -config.reminderLeadHours / 24;
  const vars = { account: c.accountNumber, caseId: c.id, status: c.status };
  const items: FollowUpItem[] = [];
  for (const p of c.promises ?? []) {
    if (p.status !== 'open') continue;
    items.push({
      key: `promise:${p.id}`,
      kind: 'promise_due',
      at: addDays(startOf(p.dueDate), lead),
      vars: { ...vars, due: p.dueDate },
    });
  }
  if (c.nextFollowUpOn) {
    items.push({
      key: `followup:${c.nextFollowUpOn}`,
      kind: 'follow_up_due',
      at: addDays(startOf(c.nextFollowUpOn), lead),
      vars: { ...vars, due: c.nextFollowUpOn, task: 'scheduled follow-up' },
    });
  }
  const since = overdueSince(c);
  if (since) {
    const esc = (level: number, days: number): FollowUpItem => ({
      key: `escalation${level}:${since}`,
      kind: 'escalation',
      level,
      at: addDays(since, days),
      vars: { ...vars, days: String(days), since: since.slice(0, 10) },
    });
    items.push(esc(1, config.drcAdminAfterDays), esc(2, config.officerAfterDays));
  }
  return items;
}

/** The case's schedule after a change, keeping what was already sent for items that still exist. */
export function nextSchedule(
  c: CaseState,
  previous: Pick<FollowUpSchedule, 'sent'> | null,
  config?: FollowUpConfig,
): FollowUpSchedule {
  const items = followUpItems(c, config);
  const keys = new Set(items.map((i) => i.key));
  const sent = (previous?.sent ?? []).filter((k) => keys.has(k));
  return { caseId: c.id, facts: caseFactsOf(c), items, sent, nextAt: nextAtOf(items, sent) };
}

export function nextAtOf(items: FollowUpItem[], sent: string[]): Instant | null {
  const pending = items
    .filter((i) => !sent.includes(i.key))
    .map((i) => i.at)
    .sort();
  return pending[0] ?? null;
}

/** The items due at `now` that have not been sent. */
export function dueItems(s: Pick<FollowUpSchedule, 'items' | 'sent'>, now: Instant): FollowUpItem[] {
  return s.items.filter((i) => i.at <= now && !s.sent.includes(i.key));
}

/** One line per kind for the morning digest, e.g. "3 × Case overdue". */
export function digestSummary(kinds: EventKind[], labels: Partial<Record<EventKind, string>> = {}): string {
  const counts = new Map<EventKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${n} × ${labels[k] ?? k.replace(/_/g, ' ')}`)
    .join('\n');
}
