import { z } from 'zod';
import { amountDueCents, needsArrears, type CaseState, type Characteristic, type PromiseToPay } from '../model/case';
import { addDays, dateOf, type Instant } from '../model/time';
import { assignmentTakenBack, pendingExtension, VALIDITY_SIGNALS } from './validity';
import { labelTranslations } from './labels';
import type { CrossCaseRule, HookSpot, LabelTranslations } from './types';
import type { TodoDetail } from '../model/case';

/**
 * The algorithm library: every behaviour a status hook may have, each with typed parameters
 * (algorithm types plugged into algorithm spots: docs/domain.md). Configurations choose and parameterise;
 * they never add code. Pure functions of (case, params, clock).
 */

export interface TodoSpec {
  type: string;
  label: string;
  labels?: LabelTranslations;
  /** What the monitor adds to the label (the instalment, the hearing, a date), so a reader's language can say it. */
  detail?: TodoDetail;
  /** The configured label without the detail, when there is one. */
  baseLabel?: string;
}

/** What a hook wants done; the engine applies it (idempotently) and the adapter carries out cross-case work. */
export interface HookOutcome {
  moveTo?: string;
  tasks?: (TodoSpec & { dueInDays?: number })[];
  workLists?: { add?: string[]; remove?: string[] };
  patch?: Partial<Pick<CaseState, 'characteristics' | 'promises' | 'drcId' | 'roId' | 'reallocate' | 'assignment'>>;
  closeTasks?: { taskTypes?: string[] };
  crossCase?: Omit<CrossCaseRule, 'onEnter'>[];
  spawn?: { caseType: string }[];
  /** Marks the hook as fired for this status entry (true), or a variant of it (`@suffix`), so it does not repeat. */
  fired?: true | string;
  /** Domain events this outcome causes, beside those the engine reads from the change (notifications follow them). */
  signals?: string[];
  /** Why the hook changed the case, in words for the audit trail. */
  reason?: string;
}

export interface HookContext {
  now: Instant;
  /** A stable key for this hook in this configuration: `STATUS.spot.index`. */
  key: string;
}

export type AlgorithmKind = 'timed' | 'condition' | 'validation' | 'processing';

export interface AlgorithmDef {
  description: string;
  kind: AlgorithmKind;
  spots: HookSpot[];
  params: z.ZodType;
  /** Statuses named in the parameters, so configuration checks can verify them. */
  targets(params: Record<string, unknown>): string[];
  /** validation: null when the case may pass, else why not. */
  validate?(c: CaseState, params: Record<string, unknown>, ctx: HookContext): string | null;
  run?(c: CaseState, params: Record<string, unknown>, ctx: HookContext): HookOutcome | null;
  /** timed monitors: when this hook next needs to look at the case (null: not again in this status). */
  dueAt?(c: CaseState, params: Record<string, unknown>, ctx: HookContext): Instant | null;
}

const todo = z.strictObject({
  type: z.string().min(1),
  label: z.string().min(1),
  labels: labelTranslations.optional(),
});
const status = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a status code');
const days = z.number().int().min(0).max(3650);

function define<S extends z.ZodType>(def: {
  description: string;
  kind: AlgorithmKind;
  spots: HookSpot[];
  params: S;
  targets?: (p: z.output<S>) => (string | undefined)[];
  validate?: (c: CaseState, p: z.output<S>, ctx: HookContext) => string | null;
  run?: (c: CaseState, p: z.output<S>, ctx: HookContext) => HookOutcome | null;
  dueAt?: (c: CaseState, p: z.output<S>, ctx: HookContext) => Instant | null;
}): AlgorithmDef {
  // Each algorithm only ever sees params parsed by its own schema (engine.ts), so erasing the type here is safe.
  const erased = def as unknown as AlgorithmDef & { targets?: (p: Record<string, unknown>) => (string | undefined)[] };
  return {
    ...erased,
    targets: (p) => (erased.targets ? erased.targets(p).filter((t): t is string => typeof t === 'string') : []),
  };
}

const fired = (c: CaseState, ctx: HookContext) => c.firedHooks.includes(ctx.key);
const MONITOR = ['monitoring'] as HookSpot[];
const PROCESSING = ['enterProcessing', 'exitProcessing'] as HookSpot[];
const VALIDATION = ['enterValidation', 'exitValidation'] as HookSpot[];

function dateField(c: CaseState, field: string): string | null {
  const v: Characteristic | undefined = c.characteristics[field];
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

function startOfDay(date: string): Instant {
  return `${date}T00:00:00.000Z`;
}

/** Promise statuses as of `now`: kept when enough was paid after it, broken past its date plus tolerance. */
export function decidePromises(c: CaseState, toleranceDays: number, now: Instant): PromiseToPay[] {
  return c.promises.map((p) => {
    if (p.status !== 'open') return p;
    if (c.paidCents - p.paidAtMadeCents >= p.amountCents) return { ...p, status: 'kept', decidedAt: now };
    if (now >= addDays(startOfDay(p.dueDate), toleranceDays + 1)) return { ...p, status: 'broken', decidedAt: now };
    return p;
  });
}

export const ALGORITHMS: Record<string, AlgorithmDef> = {
  afterDaysInStatus: define({
    description: 'after N days in the status: move on, raise a to-do, add to a work list and/or reallocate',
    kind: 'timed',
    spots: MONITOR,
    params: z
      .strictObject({
        days,
        moveTo: status.optional(),
        todo: todo.optional(),
        workList: z.string().min(1).optional(),
        reallocate: z.boolean().optional(),
      })
      .refine(
        (p) => p.moveTo || p.todo || p.workList || p.reallocate,
        'must do something: moveTo, todo, workList or reallocate',
      ),
    targets: (p) => [p.moveTo],
    dueAt: (c, p, ctx) => (fired(c, ctx) ? null : addDays(c.statusSince, p.days)),
    run: (_c, p) => ({
      fired: true,
      moveTo: p.moveTo,
      tasks: p.todo ? [p.todo] : undefined,
      workLists: p.workList ? { add: [p.workList] } : undefined,
      patch: p.reallocate ? { reallocate: true, drcId: null, roId: null } : undefined,
    }),
  }),

  promiseWatch: define({
    description: 'decide promises to pay kept or broken; move on a broken (or kept) promise',
    kind: 'timed',
    spots: MONITOR,
    params: z.strictObject({
      toleranceDays: days,
      brokenTo: status.optional(),
      keptTo: status.optional(),
      todo: todo.optional(),
    }),
    targets: (p) => [p.brokenTo, p.keptTo],
    dueAt: (c, p) => {
      const open = c.promises
        .filter((x) => x.status === 'open')
        .map((x) => addDays(startOfDay(x.dueDate), p.toleranceDays + 1));
      return open.length > 0 ? open.sort()[0]! : null;
    },
    run: (c, p, ctx) => {
      const decided = decidePromises(c, p.toleranceDays, ctx.now);
      const newlyBroken = decided.some((x, i) => x.status === 'broken' && c.promises[i]!.status === 'open');
      const newlyKept = decided.some((x, i) => x.status === 'kept' && c.promises[i]!.status === 'open');
      if (!newlyBroken && !newlyKept) return null;
      return {
        patch: { promises: decided },
        moveTo: newlyBroken ? p.brokenTo : p.keptTo,
        tasks: newlyBroken && p.todo ? [p.todo] : undefined,
      };
    },
  }),

  instalmentOverdue: define({
    description: 'act when a settlement instalment is unpaid N grace days after it fell due',
    kind: 'timed',
    spots: MONITOR,
    params: z
      .strictObject({ graceDays: days, moveTo: status.optional(), todo: todo.optional() })
      .refine((p) => p.moveTo || p.todo, 'must do something: moveTo or todo'),
    targets: (p) => [p.moveTo],
    dueAt: (c, p, ctx) => {
      const unpaid = c.settlement?.instalments.find((i) => i.paidCents < i.amountCents);
      if (!unpaid || c.firedHooks.includes(`${ctx.key}@inst${unpaid.seq}`)) return null;
      return addDays(startOfDay(unpaid.dueDate), p.graceDays + 1);
    },
    run: (c, p, ctx) => {
      const unpaid = c.settlement?.instalments.find((i) => i.paidCents < i.amountCents);
      if (!unpaid || ctx.now < addDays(startOfDay(unpaid.dueDate), p.graceDays + 1)) return null;
      return {
        fired: `@inst${unpaid.seq}`,
        moveTo: p.moveTo,
        tasks: p.todo
          ? [
              {
                ...p.todo,
                label: `${p.todo.label} (instalment ${unpaid.seq} due ${unpaid.dueDate})`,
                baseLabel: p.todo.label,
                detail: { kind: 'instalment', seq: unpaid.seq, date: unpaid.dueDate },
              },
            ]
          : undefined,
      };
    },
  }),

  boardHearingWatch: define({
    description: 'raise a to-do when a mediation board hearing passed N grace days ago with no response recorded',
    kind: 'timed',
    spots: MONITOR,
    params: z.strictObject({ graceDays: days, todo }),
    dueAt: (c, p, ctx) => {
      const date = c.boardPhase === 'hearing_scheduled' ? c.board?.hearingDate : null;
      if (!date || c.firedHooks.includes(`${ctx.key}@${date}`)) return null;
      return addDays(startOfDay(date), p.graceDays + 1);
    },
    run: (c, p, ctx) => {
      const date = c.boardPhase === 'hearing_scheduled' ? c.board?.hearingDate : null;
      if (!date || ctx.now < addDays(startOfDay(date), p.graceDays + 1)) return null;
      // Keyed by the hearing date: a rescheduled hearing that passes unrecorded raises its own to-do.
      return {
        fired: `@${date}`,
        tasks: [
          {
            ...p.todo,
            label: `${p.todo.label} (hearing of ${date})`,
            baseLabel: p.todo.label,
            detail: { kind: 'hearing', date },
          },
        ],
      };
    },
  }),

  disputeExit: define({
    description: 'leave the dispute status N grace days after the dispute is resolved',
    kind: 'timed',
    spots: MONITOR,
    params: z.strictObject({ graceDays: days, to: status, resolvedField: z.string().default('disputeResolvedOn') }),
    targets: (p) => [p.to],
    dueAt: (c, p) => {
      const resolved = dateField(c, p.resolvedField);
      return resolved ? addDays(startOfDay(resolved), p.graceDays) : null;
    },
    run: (c, p) => (dateField(c, p.resolvedField) ? { moveTo: p.to } : null),
  }),

  dateAlert: define({
    description: 'raise a to-do (and optionally move) N days before a date captured on the case',
    kind: 'timed',
    spots: MONITOR,
    params: z.strictObject({ field: z.string().min(1), daysBefore: days, todo, moveTo: status.optional() }),
    targets: (p) => [p.moveTo],
    dueAt: (c, p, ctx) => {
      const date = dateField(c, p.field);
      if (!date || c.firedHooks.includes(`${ctx.key}@${date}`)) return null;
      return addDays(startOfDay(date), -p.daysBefore);
    },
    run: (c, p) => {
      const date = dateField(c, p.field);
      if (!date) return null;
      return {
        tasks: [
          { ...p.todo, label: `${p.todo.label} (${date})`, baseLabel: p.todo.label, detail: { kind: 'date', date } },
        ],
        moveTo: p.moveTo,
        fired: `@${date}`,
      };
    },
  }),

  agencyRecall: define({
    description: 'recall a placement that recovered too little after N days',
    kind: 'timed',
    spots: MONITOR,
    params: z.strictObject({
      afterDays: days,
      minRecoveredPct: z.number().min(0).max(100),
      recallTo: status,
      todo: todo.optional(),
    }),
    targets: (p) => [p.recallTo],
    dueAt: (c, p, ctx) =>
      fired(c, ctx) || !c.assignment.drcAssignedAt ? null : addDays(c.assignment.drcAssignedAt, p.afterDays),
    run: (c, p) => {
      const base = c.settlement?.agreedCents ?? c.arrearsCents;
      const pct = base > 0 ? (c.paidCents * 100) / base : 100;
      if (pct >= p.minRecoveredPct) return { fired: true };
      return { fired: true, moveTo: p.recallTo, tasks: p.todo ? [p.todo] : undefined };
    },
  }),

  validityExpiry: define({
    description:
      'warn before the assignment validity ends; on expiry take the case from its RO (returnTo drc), return it to the recovery section (returnTo section) or move it; held while an extension request waits',
    kind: 'timed',
    spots: MONITOR,
    params: z
      .strictObject({
        warnDaysBefore: days.optional(),
        todo: todo.optional(),
        expiredTo: status.optional(),
        returnTo: z.enum(['drc', 'section']).optional(),
      })
      .refine((p) => !(p.expiredTo && p.returnTo), 'give expiredTo or returnTo, not both'),
    targets: (p) => [p.expiredTo],
    dueAt: (c, p, ctx) => {
      const until = c.assignment.validUntil;
      // An officer decides a waiting extension request; the decision's write sets the next due time again.
      if (!until || pendingExtension(c)) return null;
      const warnKey = `${ctx.key}@warn:${until}`;
      if (p.warnDaysBefore !== undefined && p.todo && !c.firedHooks.includes(warnKey)) {
        return addDays(until, -p.warnDaysBefore);
      }
      return c.firedHooks.includes(`${ctx.key}@expired:${until}`) ? null : until;
    },
    run: (c, p, ctx) => {
      const until = c.assignment.validUntil;
      if (!until || pendingExtension(c)) return null;
      if (ctx.now < until) {
        return p.todo
          ? {
              tasks: [
                {
                  ...p.todo,
                  label: `${p.todo.label} (valid until ${dateOf(until)})`,
                  baseLabel: p.todo.label,
                  detail: { kind: 'validUntil', date: dateOf(until) },
                },
              ],
              fired: `@warn:${until}`,
            }
          : null;
      }
      const ended = `Validity ended on ${dateOf(until)} without an extension`;
      // The warning asked the RO to request an extension; once the period has ended there is nothing left to ask.
      const closeTasks = p.todo ? { taskTypes: [p.todo.type] } : undefined;
      if (p.returnTo === 'section') {
        const reason = `${ended}: returned to the recovery section`;
        return {
          patch: { drcId: null, roId: null, assignment: assignmentTakenBack(c.assignment, reason) },
          closeTasks,
          fired: `@expired:${until}`,
          signals: [VALIDITY_SIGNALS.expired, VALIDITY_SIGNALS.returnedToSection],
          reason,
        };
      }
      return {
        moveTo: p.expiredTo,
        patch: p.expiredTo ? undefined : { roId: null },
        closeTasks,
        fired: `@expired:${until}`,
        signals: [VALIDITY_SIGNALS.expired],
        reason: p.expiredTo ? ended : `${ended}: taken from the RO, back with the DRC`,
      };
    },
  }),

  settlementOfferWatch: define({
    description: 'follow a settlement offer: accepted, rejected, or expired',
    kind: 'timed',
    spots: MONITOR,
    params: z.strictObject({
      expiryField: z.string().default('offerExpiresOn'),
      statusField: z.string().default('offerStatus'),
      expiredTo: status.optional(),
      acceptedTo: status.optional(),
      rejectedTo: status.optional(),
    }),
    targets: (p) => [p.expiredTo, p.acceptedTo, p.rejectedTo],
    dueAt: (c, p) => {
      const state = c.characteristics[p.statusField];
      // A decided offer is due at once; an open one the day after it expires.
      if ((state === 'accepted' && p.acceptedTo) || (state === 'rejected' && p.rejectedTo)) return c.statusSince;
      const expiry = dateField(c, p.expiryField);
      return expiry && state === 'open' ? addDays(startOfDay(expiry), 1) : null;
    },
    run: (c, p, ctx) => {
      const state = c.characteristics[p.statusField];
      if (state === 'accepted' && p.acceptedTo) return { moveTo: p.acceptedTo };
      if (state === 'rejected' && p.rejectedTo) return { moveTo: p.rejectedTo };
      const expiry = dateField(c, p.expiryField);
      if (state === 'open' && expiry && ctx.now >= addDays(startOfDay(expiry), 1)) {
        return {
          moveTo: p.expiredTo,
          patch: { characteristics: { ...c.characteristics, [p.statusField]: 'expired' } },
        };
      }
      return null;
    },
  }),

  smallBalance: define({
    description: 'park a case whose balance is below a threshold, or resume it when the balance is above',
    kind: 'condition',
    spots: MONITOR,
    params: z.strictObject({
      thresholdCents: z.number().int().positive(),
      direction: z.enum(['park', 'resume']),
      to: status,
    }),
    targets: (p) => [p.to],
    run: (c, p) => {
      const due = amountDueCents(c);
      const below = due > 0 && due < p.thresholdCents;
      return (p.direction === 'park' ? below : due >= p.thresholdCents) ? { moveTo: p.to } : null;
    },
  }),

  accountStatusMirror: define({
    description: 'mirror the account’s status in billing onto the case (e.g. written off there → written off here)',
    kind: 'condition',
    spots: MONITOR,
    params: z.strictObject({ map: z.record(z.string(), status) }),
    targets: (p) => Object.values(p.map),
    run: (c, p) => (p.map[c.accountStatus] ? { moveTo: p.map[c.accountStatus] } : null),
  }),

  zeroBalanceClose: define({
    description: 'close the case once nothing is owed',
    kind: 'condition',
    spots: MONITOR,
    params: z.strictObject({ to: status }),
    targets: (p) => [p.to],
    run: (c, p) => (needsArrears(c.requiredAction) && amountDueCents(c) === 0 ? { moveTo: p.to } : null),
  }),

  indicatorWatch: define({
    description: 'move the case when a risk or warning indicator is set on the account or customer',
    kind: 'condition',
    spots: MONITOR,
    params: z.strictObject({ indicators: z.array(z.string().min(1)).min(1), moveTo: status, todo: todo.optional() }),
    targets: (p) => [p.moveTo],
    run: (c, p) =>
      c.indicators.some((i) => p.indicators.includes(i))
        ? { moveTo: p.moveTo, tasks: p.todo ? [p.todo] : undefined }
        : null,
  }),

  unreachable: define({
    description: 'move to skip tracing after N contact attempts in a row without reaching the customer',
    kind: 'condition',
    spots: MONITOR,
    params: z.strictObject({ consecutiveFailures: z.number().int().min(1).max(100), moveTo: status }),
    targets: (p) => [p.moveTo],
    run: (c, p) => (c.failedContacts >= p.consecutiveFailures ? { moveTo: p.moveTo } : null),
  }),

  tasksCompleted: define({
    description: 'refuse to leave (or enter) the status while to-dos are open',
    kind: 'validation',
    spots: VALIDATION,
    params: z.strictObject({ taskTypes: z.array(z.string().min(1)).optional() }),
    validate: (c, p) => {
      const open = c.tasks.filter((t) => t.status === 'open' && (!p.taskTypes || p.taskTypes.includes(t.type)));
      return open.length > 0
        ? `${open.length} to-do(s) must be completed first: ${open.map((t) => t.label).join('; ')}`
        : null;
    },
  }),

  requireCharacteristics: define({
    description: 'refuse unless these facts are captured on the case',
    kind: 'validation',
    spots: VALIDATION,
    params: z.strictObject({ fields: z.array(z.string().min(1)).min(1) }),
    validate: (c, p) => {
      const missing = p.fields.filter(
        (f) => c.characteristics[f] === undefined || c.characteristics[f] === null || c.characteristics[f] === '',
      );
      return missing.length > 0 ? `missing: ${missing.join(', ')}` : null;
    },
  }),

  noHold: define({
    description: 'refuse while another case holds this one',
    kind: 'validation',
    spots: VALIDATION,
    params: z.strictObject({}),
    validate: (c) => (c.hold ? `the case is held by case ${c.hold.byCaseId} (${c.hold.reason})` : null),
  }),

  raiseTodo: define({
    description: 'raise a to-do',
    kind: 'processing',
    spots: PROCESSING,
    params: z.strictObject({
      type: z.string().min(1),
      label: z.string().min(1),
      labels: labelTranslations.optional(),
      dueInDays: days.optional(),
    }),
    run: (_c, p) => ({ tasks: [p] }),
  }),

  addToWorkList: define({
    description: 'add the case to a work list',
    kind: 'processing',
    spots: PROCESSING,
    params: z.strictObject({ workList: z.string().min(1) }),
    run: (_c, p) => ({ workLists: { add: [p.workList] } }),
  }),

  removeFromWorkList: define({
    description: 'remove the case from a work list',
    kind: 'processing',
    spots: PROCESSING,
    params: z.strictObject({ workList: z.string().min(1) }),
    run: (_c, p) => ({ workLists: { remove: [p.workList] } }),
  }),

  setCharacteristic: define({
    description: 'set a fact on the case (a switch, a marker)',
    kind: 'processing',
    spots: PROCESSING,
    params: z.strictObject({
      field: z.string().min(1),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    }),
    run: (c, p) => ({ patch: { characteristics: { ...c.characteristics, [p.field]: p.value } } }),
  }),

  crossCase: define({
    description: 'hold, release or close the other open cases on the same account or customer',
    kind: 'processing',
    spots: PROCESSING,
    params: z.strictObject({
      scope: z.enum(['account', 'customer']),
      caseTypes: z.array(z.string().min(1)).min(1),
      action: z.enum(['hold', 'release', 'close']),
      reason: z.string().min(1),
    }),
    run: (_c, p) => ({ crossCase: [p] }),
  }),

  spawnCase: define({
    description: 'open a case of another type on the same account (e.g. repossession from bankruptcy)',
    kind: 'processing',
    spots: PROCESSING,
    params: z.strictObject({ caseType: z.string().min(1) }),
    run: (_c, p) => ({ spawn: [p] }),
  }),

  reallocate: define({
    description: 'take the case back from its DRC/agency so it is placed again',
    kind: 'processing',
    spots: PROCESSING,
    params: z.strictObject({}),
    run: () => ({ patch: { reallocate: true, drcId: null, roId: null } }),
  }),

  closeTasks: define({
    description: 'close open to-dos (all, or of these types)',
    kind: 'processing',
    spots: PROCESSING,
    params: z.strictObject({ taskTypes: z.array(z.string().min(1)).optional() }),
    run: (_c, p) => ({ closeTasks: p }),
  }),
};
