import type { Approval, CaseState, CaseTask, CpeItem, PromiseToPay, RoRequest } from '../model/case';
import type { Language } from '../model/languages';
import type { Instant } from '../model/time';
import { VALIDITY_SIGNALS } from '../lifecycle/validity';

/**
 * What can notify someone: reminders, escalations, approvals and their decisions. Who receives which is configuration
 * (routing.ts).
 */
export const EVENT_KINDS = [
  'case_assigned',
  'status_changed',
  'approval_needed',
  'approval_decided',
  'case_overdue',
  'promise_due',
  'promise_broken',
  'validity_expiring',
  'validity_expired',
  'case_returned',
  'case_handed_back',
  'follow_up_due',
  'escalation',
  'import_finished',
  'digest',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === 'string' && (EVENT_KINDS as readonly string[]).includes(value);
}

/** The facts about the case a notification needs: who works it and how to reach the customer. */
export interface CaseFacts {
  caseId: string;
  accountNumber: string;
  status: string;
  drcId: string | null;
  roId: string | null;
  customer: {
    name: string;
    phone: string;
    email: string | null;
    language: Language;
    /** Stable across the customer's accounts: caps and opt-outs are per customer, not per case. */
    key: string;
  };
  indicators: string[];
  hold: { reason: string } | null;
}

/**
 * One thing that happened and may notify people. `id` is the idempotency key: it is derived from what
 * caused the event (the audit event id, or the follow-up item's key), never from the time of delivery.
 */
export interface NotifyEvent {
  id: string;
  kind: EventKind;
  at: Instant;
  caseFacts: CaseFacts | null;
  /** Template variables (strings only: the templates are plain text). */
  vars: Record<string, string>;
  /** Extra named recipients (the requester of an approval, the user who started an import...). */
  users?: string[];
  /** For escalations: 1 = the DRC admin, 2 = the operator's recovery officers. */
  level?: number;
  /** A previous RO who should still hear about it (validity expired took the case away from them). */
  formerRoId?: string | null;
  /** A previous DRC whose admins should still hear about it (the case returned to the recovery section). */
  formerDrcId?: string | null;
}

export function caseFactsOf(
  c: Pick<
    CaseState,
    'id' | 'accountNumber' | 'status' | 'drcId' | 'roId' | 'customer' | 'customerKey' | 'indicators' | 'hold'
  >,
): CaseFacts {
  return {
    caseId: c.id,
    accountNumber: c.accountNumber,
    status: c.status,
    drcId: c.drcId ?? null,
    roId: c.roId ?? null,
    customer: {
      name: c.customer?.name ?? '',
      phone: c.customer?.phone ?? '',
      email: c.customer?.email ?? null,
      language: c.customer?.language ?? 'en',
      key: c.customerKey || c.accountNumber,
    },
    indicators: c.indicators ?? [],
    hold: c.hold ? { reason: c.hold.reason } : null,
  };
}

/** The audit event's shape as far as notifications read it (data/audit.ts writes it with every case change). */
export interface AuditLike {
  id: string;
  entity: string;
  at: Instant;
  action: string;
  actor: { uid: string; role: string };
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** What the writer recorded beside the change; `signals` are the life cycle's domain events. */
  details?: Record<string, unknown>;
}

/** To-do types that mean "this case is late" (raised by the life-cycle monitors). */
const OVERDUE_TASKS = new Set(['assign_ro', 'first_contact', 'negotiation_stalled', 'instalment_overdue']);
const FOLLOW_UP_TASKS = new Set(['board_follow_up', 'follow_up']);

function tasksOf(value: unknown): CaseTask[] {
  return Array.isArray(value) ? (value as CaseTask[]) : [];
}
function promisesOf(value: unknown): PromiseToPay[] {
  return Array.isArray(value) ? (value as PromiseToPay[]) : [];
}
function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
const words = (code: string) => code.replace(/_/g, ' ');

/** The audit action of a case handed back to its DRC when its RO left the DRC (services/handBack.ts). */
export const HAND_BACK_ACTION = 'roHandBack';

/**
 * Levels of `approval_needed`: who decides it (routing.ts sends each level to its deciders). An approval to-do of
 * a configured case type (hardship, set-off, legal service provider) is a supervisor's decision, like a settlement.
 */
export const APPROVAL_LEVEL = { settlement: 1, roRequest: 2, cpe: 3, todo: 1 } as const;

/**
 * Which notification a newly opened to-do causes, if any. To-do types are configuration (the DebtX type's
 * lower-case ones, the bank case types' `HARDSHIP_APPROVAL`, `LEGAL_LSP_APPROVAL`...), so approvals and overdue work
 * are recognised by name; an overdue approval is overdue work, not a new approval.
 */
export function taskEventKind(type: string): { kind: EventKind; level?: number } | null {
  if (type === 'validity_expiring') return { kind: 'validity_expiring' };
  if (OVERDUE_TASKS.has(type) || /overdue/i.test(type)) return { kind: 'case_overdue' };
  if (/approval/i.test(type)) return { kind: 'approval_needed', level: APPROVAL_LEVEL.todo };
  if (FOLLOW_UP_TASKS.has(type)) return { kind: 'follow_up_due' };
  return null;
}

/**
 * Maker-checker approvals, RO requests and collected CPE waiting for the returned-CPE desk: each new one asks
 * its deciders, each decision tells the maker. Keyed by the item's id, so an entry that
 * merely changes (its case moved) never notifies twice.
 */
function approvalEvents(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  vars: Record<string, string>,
  push: (suffix: string, e: Omit<NotifyEvent, 'id' | 'at' | 'caseFacts'>) => void,
): void {
  const decided = (state: string) => state === 'approved' || state === 'rejected';
  if ('approvals' in after) {
    const prev = new Map(listOf<Approval>(before.approvals).map((a) => [a.id, a.state]));
    for (const a of listOf<Approval>(after.approvals)) {
      const task = `settlement with a discount of ${(Number(a.details?.discountCents ?? 0) / 100).toFixed(2)}`;
      if (a.state === 'pending' && !prev.has(a.id)) {
        push(`approval:${a.id}`, {
          kind: 'approval_needed',
          vars: { ...vars, task },
          level: APPROVAL_LEVEL.settlement,
        });
      } else if (decided(a.state) && prev.get(a.id) !== a.state) {
        push(`approval:${a.id}:${a.state}`, {
          kind: 'approval_decided',
          vars: { ...vars, task: `${task}: ${a.state}` },
          users: [a.makerUid],
        });
      }
    }
  }
  if ('roRequests' in after) {
    const prev = new Map(listOf<RoRequest>(before.roRequests).map((r) => [r.id, r.state]));
    for (const r of listOf<RoRequest>(after.roRequests)) {
      const task = `${words(r.kind)} request${r.days ? ` (${r.days} days)` : ''}`;
      if (r.state === 'pending' && !prev.has(r.id)) {
        push(`request:${r.id}`, { kind: 'approval_needed', vars: { ...vars, task }, level: APPROVAL_LEVEL.roRequest });
      } else if (decided(r.state) && prev.get(r.id) !== r.state) {
        push(`request:${r.id}:${r.state}`, {
          kind: 'approval_decided',
          vars: { ...vars, task: `${task}: ${r.state}` },
          users: [r.requestedBy],
        });
      }
    }
  }
  if ('cpe' in after) {
    const prev = new Map(listOf<CpeItem>(before.cpe).map((i) => [i.itemId, i.status]));
    const collected = listOf<CpeItem>(after.cpe).filter(
      (i) => i.status === 'collected' && prev.get(i.itemId) !== 'collected',
    );
    if (collected.length > 0 && 'cpe' in before) {
      const task = `returned CPE to check: ${collected.map((i) => `${i.kind} ${i.serialNumber}`).join(', ')}`;
      push(`cpe:${collected.map((i) => i.itemId).join('+')}`, {
        kind: 'approval_needed',
        vars: { ...vars, task },
        level: APPROVAL_LEVEL.cpe,
      });
    }
  }
}

/**
 * The notification events one case change causes, read from the before/after of its audit event
 * (only changed fields are there). Pure and deterministic: the same audit event always gives the same
 * events with the same ids, so a redelivered trigger finds its work already done.
 */
export function eventsFromCaseAudit(audit: AuditLike, facts: CaseFacts): NotifyEvent[] {
  if (!audit.entity.startsWith('cases/')) return [];
  const { before, after } = audit;
  const events: NotifyEvent[] = [];
  const base = { at: audit.at, caseFacts: facts };
  const vars = { account: facts.accountNumber, caseId: facts.caseId, status: facts.status };
  const push = (suffix: string, e: Omit<NotifyEvent, 'id' | 'at' | 'caseFacts'>) =>
    events.push({ id: `${audit.id}#${suffix}`, ...base, ...e });

  if ('drcId' in after && after.drcId && after.drcId !== before.drcId) {
    push('drc', { kind: 'case_assigned', vars: { ...vars, to: String(after.drcId) }, level: 1 });
  }
  if (audit.action === HAND_BACK_ACTION && typeof before.roId === 'string') {
    // The DRC's admins must give the case to another RO: its RO has left the DRC.
    push('handback', { kind: 'case_handed_back', vars });
  }
  if ('roId' in after && after.roId && after.roId !== before.roId) {
    push('ro', { kind: 'case_assigned', vars: { ...vars, to: String(after.roId) }, level: 2 });
  }
  if ('status' in after && 'status' in before && after.status !== before.status) {
    push('status', {
      kind: 'status_changed',
      vars: { ...vars, from: String(before.status), status: String(after.status) },
    });
  }
  if ('tasks' in after) {
    const wasOpen = new Set(
      tasksOf(before.tasks)
        .filter((t) => t.status === 'open')
        .map((t) => t.id),
    );
    const wasDone = new Set(
      tasksOf(before.tasks)
        .filter((t) => t.status === 'done')
        .map((t) => t.id),
    );
    for (const task of tasksOf(after.tasks)) {
      // A calendar date reads well in all three languages; a to-do raised by a monitor is due when raised.
      const taskVars = { ...vars, task: task.label, due: (task.dueAt ?? audit.at).slice(0, 10) };
      const caused = taskEventKind(task.type);
      if (task.status === 'open' && !wasOpen.has(task.id) && caused) {
        push(`task:${task.id}`, {
          kind: caused.kind,
          vars: taskVars,
          ...(caused.level ? { level: caused.level } : {}),
        });
      }
      if (task.status === 'done' && !wasDone.has(task.id) && caused?.kind === 'approval_needed') {
        push(`done:${task.id}`, { kind: 'approval_decided', vars: taskVars });
      }
    }
  }
  approvalEvents(before, after, vars, push);
  if ('promises' in after) {
    const wasBroken = new Set(
      promisesOf(before.promises)
        .filter((p) => p.status === 'broken')
        .map((p) => p.id),
    );
    for (const p of promisesOf(after.promises)) {
      if (p.status === 'broken' && !wasBroken.has(p.id)) {
        push(`promise:${p.id}`, { kind: 'promise_broken', vars: { ...vars, due: p.dueDate } });
      }
    }
  }
  // The expiry's own signal says it even when the case also changed status (which clears its fired hooks).
  const signals = Array.isArray(audit.details?.signals) ? (audit.details.signals as unknown[]) : [];
  const had = new Set(Array.isArray(before.firedHooks) ? (before.firedHooks as string[]) : []);
  const expiredHook =
    'firedHooks' in after &&
    (Array.isArray(after.firedHooks) ? (after.firedHooks as string[]) : []).some(
      (h) => h.includes('@expired:') && !had.has(h),
    );
  if (expiredHook || signals.includes(VALIDITY_SIGNALS.expired)) {
    const formerRoId = typeof before.roId === 'string' ? before.roId : facts.roId;
    if (signals.includes(VALIDITY_SIGNALS.returnedToSection)) {
      const formerDrcId = typeof before.drcId === 'string' ? before.drcId : facts.drcId;
      const ended = (before.assignment as { validUntil?: unknown } | undefined)?.validUntil;
      const due = typeof ended === 'string' ? ended.slice(0, 10) : audit.at.slice(0, 10);
      push('validity', { kind: 'case_returned', vars: { ...vars, due }, formerRoId, formerDrcId });
    } else {
      push('validity', { kind: 'validity_expired', vars, formerRoId });
    }
  }
  return events;
}
