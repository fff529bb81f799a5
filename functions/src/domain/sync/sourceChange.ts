import { z } from 'zod';
import { caseIndicator, withIndicator } from '../cases/indicators';
import { EFFECTS, isRefusal } from '../lifecycle/effects';
import { isFinal, type EngineOutcome } from '../lifecycle/engine';
import { runMonitorsSettled } from '../lifecycle/monitorPasses';
import { calendarDate, positiveCents, shortText } from '../lifecycle/inputs';
import { SETTINGS_DEFAULTS, type CaseTypeConfig } from '../lifecycle/types';
import { amountDueCents, CREDIT_TASK_TYPE, type CaseCredit, type CaseState } from '../model/case';
import { formatLkr } from '../model/money';
import type { Actor } from '../model/roles';
import type { Instant } from '../model/time';

/**
 * A change in a source system that an open case must reflect in real time: a payment
 * taken at a shop or online, the account's status in billing, CPE handed in at a shop. Changes arrive by webhook
 * the moment they happen and by the data-lake schedule as a backstop, so the same change can arrive twice and
 * changes can arrive out of order; applying them must be idempotent and order-independent:
 *   - payments are a set keyed by the source's payment id (applied once, in any order: sums commute);
 *   - the account status is last-writer-wins by the source's `occurredAt`, kept per case, so an older status
 *     arriving late never overwrites a newer one;
 *   - a returned CPE item only ever moves forward (pending → collected); a repeat changes nothing.
 */

export const SOURCE_SYSTEMS = ['bss', 'oss', 'crm', 'lake'] as const;

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-23T10:15:00Z' });
const accountNumber = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[0-9]{6,20}$/, 'must be 6 to 20 digits');
const common = {
  source: z.enum(SOURCE_SYSTEMS, { error: `must be one of ${SOURCE_SYSTEMS.join(', ')}` }),
  eventId: z
    .string({ error: 'is required' })
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be 1-100 letters, digits, _ . : or -'),
  accountNumber,
  occurredAt: instant,
};

/** Billing's account statuses, as the case mirrors them (accountStatusMirror maps some to closures). */
export const ACCOUNT_STATUSES = ['active', 'suspended', 'disconnected', 'closed', 'closed_written_off'] as const;

export const sourceChangeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('payment'),
      ...common,
      paymentId: z.string().regex(/^[A-Za-z0-9_.:-]{1,48}$/, 'must be 1-48 letters, digits, _ . : or -'),
      amountCents: positiveCents,
      paidOn: calendarDate,
      method: z.enum(['cash', 'cheque', 'bank_transfer', 'card', 'online'], {
        error: 'must be one of cash, cheque, bank_transfer, card, online',
      }),
    }),
    z.strictObject({
      kind: z.literal('accountStatus'),
      ...common,
      status: z.enum(ACCOUNT_STATUSES, { error: `must be one of ${ACCOUNT_STATUSES.join(', ')}` }),
    }),
    z.strictObject({
      kind: z.literal('cpeReturned'),
      ...common,
      serialNumber: shortText(64),
      location: shortText(120),
    }),
    // The source learned of a dispute, a death, a bankruptcy or a do-not-contact request: raised on every open
    // case of the account. Sources only raise; an officer clears, with a reason.
    z.strictObject({ kind: z.literal('indicator'), ...common, indicator: caseIndicator }),
  ],
  { error: 'kind must be one of payment, accountStatus, cpeReturned, indicator' },
);

export type SourceChange = z.infer<typeof sourceChangeSchema>;

/** The document id of a change: one per source event, so a repeated delivery finds the first. */
export function sourceChangeId(change: Pick<SourceChange, 'source' | 'eventId'>): string {
  return `${change.source}:${change.eventId}`;
}

export const SYNC_ACTOR: Actor = { uid: 'system:source-sync', role: 'system', displayName: 'Source sync' };

/** Where each case keeps the `occurredAt` of the account status it mirrors (a characteristic, so it is audited). */
export const ACCOUNT_STATUS_AT = 'sync.accountStatusAt';

export type SourceChangeResult =
  { applied: true; outcome: EngineOutcome; summary: string } | { applied: false; reason: string; refused: boolean };

const unchanged = (reason: string): SourceChangeResult => ({ applied: false, reason, refused: false });
const refused = (reason: string): SourceChangeResult => ({ applied: false, reason, refused: true });

/** The reference a synced payment carries on the case: the source's payment id, so it is recorded once. */
export const syncedPaymentReference = (change: Pick<SourceChange, 'source'> & { paymentId: string }) =>
  `${change.source}:${change.paymentId}`;

/**
 * Applies one source change to one case, purely. Payments go through the life cycle's own payment effect (promises,
 * instalments and closure follow as for any payment); the case is then settled by its monitors, so e.g. a payment
 * that clears the balance closes it and a billing write-off moves it to WRITTEN_OFF.
 */
export function applySourceChange(
  config: CaseTypeConfig,
  c: CaseState,
  change: SourceChange,
  now: Instant,
): SourceChangeResult {
  if (change.kind === 'payment') return applySourcePayment(config, c, change, now);
  let next: CaseState;
  let summary: string;
  if (isFinal(config, c.status)) return unchanged(`case ${c.id} is closed (${c.status})`);
  if (change.kind === 'accountStatus') {
    const seen = c.characteristics[ACCOUNT_STATUS_AT];
    if (typeof seen === 'string' && seen >= change.occurredAt) {
      return unchanged(`a status from ${seen} is already applied; this one (${change.occurredAt}) is older`);
    }
    next = {
      ...c,
      accountStatus: change.status,
      characteristics: { ...c.characteristics, [ACCOUNT_STATUS_AT]: change.occurredAt },
    };
    summary = `Account status in billing: ${change.status}`;
  } else if (change.kind === 'indicator') {
    if ((c.indicators ?? []).includes(change.indicator)) {
      return unchanged(`case ${c.id} already carries the ${change.indicator} indicator`);
    }
    next = { ...c, indicators: withIndicator(c.indicators ?? [], change.indicator) };
    summary = `Indicator raised by ${change.source.toUpperCase()}: ${change.indicator.replace(/_/g, ' ')}`;
  } else {
    const item = c.cpe.find((i) => i.serialNumber === change.serialNumber);
    if (!item) return refused(`no CPE item with serial number ${change.serialNumber} on case ${c.id}`);
    if (item.status !== 'pending' && item.status !== 'rejected') {
      return unchanged(`CPE item ${item.itemId} is already ${item.status}`);
    }
    next = {
      ...c,
      cpe: c.cpe.map((i) =>
        i.itemId === item.itemId
          ? {
              ...i,
              status: 'collected' as const,
              collectedAt: change.occurredAt,
              condition: `returned at ${change.location}`,
            }
          : i,
      ),
    };
    summary = `CPE ${item.kind} ${item.serialNumber} returned at ${change.location}: awaiting RCMP approval`;
  }
  const settled = runMonitorsSettled(config, next, now);
  if (!settled.ok) return refused(settled.message);
  // runMonitors stamps only what it changed itself; the change above is a change of the case either way.
  const outcome: EngineOutcome = settled.changed
    ? settled
    : { ...settled, case: { ...next, updatedAt: now, rev: c.rev + 1, nextMonitorAt: settled.case.nextMonitorAt } };
  return { applied: true, outcome, summary };
}

type SourcePayment = Extract<SourceChange, { kind: 'payment' }>;

/** Whether a case already holds a source payment, as a payment or as a credit. */
export function holdsSourcePayment(c: Pick<CaseState, 'payments' | 'credits'>, reference: string): boolean {
  return c.payments.some((p) => p.reference === reference) || (c.credits ?? []).some((k) => k.reference === reference);
}

/**
 * The one case a source payment credits, whatever other cases the account has (a payment is money once):
 * the oldest open case that collects arrears; else the oldest open case; else the case closed last (the money
 * then waits there as a credit). Ties go by case id, so every delivery of the payment picks the same case.
 */
export function caseForPayment(
  cases: Pick<CaseState, 'id' | 'requiredAction' | 'openedAt' | 'closedAt'>[],
): string | null {
  const byAge = (a: { openedAt: string; id: string }, b: { openedAt: string; id: string }) =>
    a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id);
  const open = cases.filter((c) => !c.closedAt).sort(byAge);
  const collecting = open.find((c) => c.requiredAction === 'arrears' || c.requiredAction === 'arrears_cpe');
  if (collecting) return collecting.id;
  if (open[0]) return open[0].id;
  const closed = cases
    .filter((c) => c.closedAt)
    .sort((a, b) => b.closedAt!.localeCompare(a.closedAt!) || a.id.localeCompare(b.id));
  return closed[0]?.id ?? null;
}

/** Adds a credit (and its refund-or-re-allocate to-do) to a case: money kept, never dropped. */
function withCredit(c: CaseState, change: SourcePayment, amountCents: number, reason: string, now: Instant): CaseState {
  const reference = syncedPaymentReference(change);
  const taskId = `credit:${reference}`;
  const credit: CaseCredit = {
    reference,
    amountCents,
    paidOn: change.paidOn,
    method: change.method,
    reason,
    sourceChangeId: sourceChangeId(change),
    receivedAt: now,
    taskId,
  };
  return {
    ...c,
    credits: [...(c.credits ?? []), credit],
    creditCents: (c.creditCents ?? 0) + amountCents,
    tasks: [
      ...c.tasks,
      {
        id: taskId,
        type: CREDIT_TASK_TYPE,
        label: `Refund or re-allocate ${formatLkr(amountCents)} received from ${change.source.toUpperCase()} (${reference})`,
        status: 'open',
        raisedAt: now,
        dueAt: null,
        doneAt: null,
      },
    ],
  };
}

/** A change of the case that runs no monitors (a credit on a closed case, or where the payment cannot go). */
function plainOutcome(before: CaseState, after: CaseState, now: Instant): EngineOutcome {
  return {
    ok: true,
    case: { ...after, updatedAt: now, rev: before.rev + 1 },
    transitions: [],
    signals: [],
    inputs: {},
    crossCase: [],
    spawn: [],
    tasksRaised: after.tasks.filter((t) => !before.tasks.some((b) => b.id === t.id)),
    reasons: [],
  };
}

/**
 * A payment from a source system: taken by the life cycle's own payment effect as far as the case can absorb
 * it; what it cannot absorb (more than is due, a closed case, a case that takes no payments) is kept on the case
 * as a credit with a to-do for the recovery section. Money received is never dropped and counted once.
 */
function applySourcePayment(
  config: CaseTypeConfig,
  c: CaseState,
  change: SourcePayment,
  now: Instant,
): SourceChangeResult {
  const reference = syncedPaymentReference(change);
  if (holdsSourcePayment(c, reference)) return unchanged(`payment ${reference} is already recorded`);
  const source = change.source.toUpperCase();
  const creditOnly = (reason: string): SourceChangeResult => ({
    applied: true,
    outcome: plainOutcome(c, withCredit(c, change, change.amountCents, reason, now), now),
    summary: `Payment ${reference} from ${source} kept as a credit of ${formatLkr(change.amountCents)}: ${reason}`,
  });
  if (isFinal(config, c.status)) return creditOnly(`case ${c.id} is closed (${c.status})`);
  const effect = EFFECTS.recordPayment!;
  const pay = (amountCents: number) =>
    effect.apply(c, {
      input: effect.input.parse({ amountCents, paidOn: change.paidOn, method: change.method, reference }),
      actor: SYNC_ACTOR,
      now,
      requestId: sourceChangeId(change),
      resultCode: 'received',
      settings: { ...SETTINGS_DEFAULTS, ...config.settings },
    });
  let applied = pay(change.amountCents);
  let excess = 0;
  let excessReason = '';
  if (isRefusal(applied) && applied.refused.code === 'overpayment') {
    const due = amountDueCents(c);
    if (due === 0) return creditOnly(`nothing is due on case ${c.id}`);
    // The case takes what is due (e.g. a discounted settlement is paid off); the rest is a credit.
    excess = change.amountCents - due;
    excessReason = `${formatLkr(change.amountCents)} received, ${formatLkr(due)} was due`;
    applied = pay(due);
  }
  if (isRefusal(applied)) return creditOnly(applied.refused.message);
  const next = excess > 0 ? withCredit(applied, change, excess, excessReason, now) : applied;
  const settled = runMonitorsSettled(config, next, now);
  if (!settled.ok) return creditOnly(settled.message);
  const outcome: EngineOutcome = settled.changed
    ? settled
    : { ...settled, case: { ...next, updatedAt: now, rev: c.rev + 1, nextMonitorAt: settled.case.nextMonitorAt } };
  const summary =
    excess > 0
      ? `Payment ${reference} from ${source}: ${formatLkr(change.amountCents - excess)} applied, ${formatLkr(excess)} kept as a credit (${excessReason})`
      : `Payment ${reference} from ${source}`;
  return { applied: true, outcome, summary };
}
