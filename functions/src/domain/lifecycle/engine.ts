import { z } from 'zod';
import type { CaseState, CaseTask, Characteristic } from '../model/case';
import type { Actor } from '../model/roles';
import { addDays, type Instant } from '../model/time';
import { ALGORITHMS, type HookContext, type HookOutcome } from './algorithms';
import { EFFECTS, isRefusal } from './effects';
import { GUARDS } from './guards';
import { fieldMessages, pleaseCorrect } from '../validation/issues';
import {
  SETTINGS_DEFAULTS,
  type ActionDef,
  type CaseTypeConfig,
  type CrossCaseRule,
  type FieldDef,
  type HookSpot,
  type ResultDef,
  type StatusDef,
  type TransitionMode,
} from './types';

/**
 * The life-cycle engine: pure and deterministic given (config, case, request, actor, clock).
 * It returns the new case and what happened; the Firestore adapter writes both in one transaction,
 * and carries out the cross-case effects (holds, closures, spawned cases) it lists.
 */

export interface StatusChange {
  from: string;
  to: string;
  mode: TransitionMode;
}

export type CrossCaseEffect = Omit<CrossCaseRule, 'onEnter'>;

export interface EngineOutcome {
  ok: true;
  case: CaseState;
  transitions: StatusChange[];
  /** Domain events for notifications and dashboards (e.g. `case.statusChanged`). */
  signals: string[];
  /** The validated inputs, as recorded on the audit trail. */
  inputs: Record<string, unknown>;
  /** Work for other cases on the same account/customer (the adapter applies it in the same transaction). */
  crossCase: CrossCaseEffect[];
  spawn: { caseType: string }[];
  /** To-dos raised by this change. */
  tasksRaised: CaseTask[];
  /** Why hooks changed the case (e.g. the validity ended), in words for the audit trail. */
  reasons: string[];
}

export interface EngineRefusal {
  ok: false;
  code: string;
  message: string;
  /** Per-field problems for forms: field path → message. */
  fields?: Record<string, string>;
}

export type EngineResult = EngineOutcome | EngineRefusal;

export interface ActionRequest {
  action: string;
  result: string;
  inputs: unknown;
  requestId: string;
}

/** How far a chain of automatic transitions may run before the engine calls it a configuration loop. */
export const MAX_CASCADE = 12;

const refusal = (code: string, message: string, fields?: Record<string, string>): EngineRefusal => ({
  ok: false,
  code,
  message,
  ...(fields ? { fields } : {}),
});

export function statusOf(config: CaseTypeConfig, code: string): StatusDef | undefined {
  return config.statuses.find((s) => s.code === code);
}

export function isFinal(config: CaseTypeConfig, code: string): boolean {
  return statusOf(config, code)?.kind === 'final';
}

export function initialStatus(config: CaseTypeConfig): StatusDef {
  const initial = config.statuses.find((s) => s.kind === 'initial');
  if (!initial) throw new Error(`case type ${config.id} has no initial status`);
  return initial;
}

function appliesIn(statuses: string[], status: string, config: CaseTypeConfig): boolean {
  return statuses.includes(status) || (statuses.includes('*') && !isFinal(config, status));
}

export function transitionAllowed(config: CaseTypeConfig, from: string, to: string, mode: TransitionMode) {
  return config.transitions.find((t) => t.mode === mode && t.to === to && appliesIn([t.from], from, config));
}

export function fieldSchema(f: FieldDef): z.ZodType {
  const base = (() => {
    switch (f.type) {
      case 'date':
        return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD');
      case 'amount':
        return z.number().int('must be a whole number of cents').nonnegative('must not be negative');
      case 'number':
        return z.number({ error: 'must be a number' });
      case 'boolean':
        return z.boolean({ error: 'must be true or false' });
      case 'choice':
        return z.enum((f.choices ?? ['']) as [string, ...string[]], {
          error: `must be one of ${(f.choices ?? []).join(', ')}`,
        });
      default:
        return z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters');
    }
  })();
  return f.required ? base : base.optional();
}

/** The input schema of a result: its effects' inputs and its own fields, strict so stray fields are refused. */
export function resultInputSchema(result: ResultDef): z.ZodObject<z.ZodRawShape> {
  const shape: Record<string, z.ZodType> = {};
  for (const name of result.effects) {
    const effect = EFFECTS[name];
    if (!effect) throw new Error(`unknown effect ${name}`);
    Object.assign(shape, effect.input.shape);
  }
  for (const f of result.fields ?? []) shape[f.name] = fieldSchema(f);
  return z.strictObject(shape);
}

/** The actions (and their results) this actor may record on this case now: drives the web forms. */
export function availableActions(config: CaseTypeConfig, c: CaseState, actor: Actor): ActionDef[] {
  if (isFinal(config, c.status)) return [];
  return config.actions.filter(
    (a) => a.roles.includes(actor.role) && appliesIn(a.statuses, c.status, config) && (!c.hold || a.allowedOnHold),
  );
}

// ─── Hooks ────────────────────────────────────────────────────────────────────────────────

interface Run {
  c: CaseState;
  transitions: StatusChange[];
  crossCase: CrossCaseEffect[];
  spawn: { caseType: string }[];
  tasksRaised: CaseTask[];
  signals: string[];
  reasons: string[];
}

function hooks(config: CaseTypeConfig, status: string, spot: HookSpot) {
  return (statusOf(config, status)?.hooks?.[spot] ?? []).map((ref, i) => ({
    ref,
    algorithm: ALGORITHMS[ref.algorithm]!,
    params: ALGORITHMS[ref.algorithm]!.params.parse(ref.params ?? {}) as Record<string, unknown>,
    key: `${status}.${spot}.${i}`,
  }));
}

/** Applies what a hook asked for. To-dos and work lists are idempotent: the same hook never raises the same to-do twice. */
function applyOutcome(run: Run, outcome: HookOutcome, ctx: HookContext): void {
  let c = run.c;
  if (outcome.patch) c = { ...c, ...outcome.patch };
  if (outcome.fired) {
    const mark = outcome.fired === true ? ctx.key : `${ctx.key}${outcome.fired}`;
    if (!c.firedHooks.includes(mark)) c = { ...c, firedHooks: [...c.firedHooks, mark] };
  }
  for (const t of outcome.tasks ?? []) {
    const id = `${ctx.key}@${c.statusSince}/${t.type}${typeof outcome.fired === 'string' ? outcome.fired : ''}`;
    if (c.tasks.some((x) => x.id === id)) continue;
    const task: CaseTask = {
      id,
      type: t.type,
      label: t.label,
      ...(t.labels ? { labels: t.labels } : {}),
      ...(t.detail ? { detail: t.detail, baseLabel: t.baseLabel ?? t.label } : {}),
      status: 'open',
      raisedAt: ctx.now,
      dueAt: 'dueInDays' in t && typeof t.dueInDays === 'number' ? addDays(ctx.now, t.dueInDays) : null,
      doneAt: null,
    };
    c = { ...c, tasks: [...c.tasks, task] };
    run.tasksRaised.push(task);
  }
  if (outcome.workLists) {
    const add = (outcome.workLists.add ?? []).filter((w) => !c.workLists.includes(w));
    const remove = outcome.workLists.remove ?? [];
    if (add.length || remove.some((w) => c.workLists.includes(w))) {
      c = { ...c, workLists: [...c.workLists.filter((w) => !remove.includes(w)), ...add] };
    }
  }
  if (outcome.closeTasks) {
    const types = outcome.closeTasks.taskTypes;
    c = {
      ...c,
      tasks: c.tasks.map((t) =>
        t.status === 'open' && (!types || types.includes(t.type)) ? { ...t, status: 'done', doneAt: ctx.now } : t,
      ),
    };
  }
  run.crossCase.push(...(outcome.crossCase ?? []));
  run.spawn.push(...(outcome.spawn ?? []));
  run.signals.push(...(outcome.signals ?? []));
  if (outcome.reason) run.reasons.push(outcome.reason);
  run.c = c;
}

function validateSpot(
  config: CaseTypeConfig,
  c: CaseState,
  status: string,
  spot: HookSpot,
  now: Instant,
): string | null {
  for (const h of hooks(config, status, spot)) {
    const problem = h.algorithm.validate?.(c, h.params, { now, key: h.key }) ?? null;
    if (problem) return problem;
  }
  return null;
}

/**
 * Leaves the current status and enters `to`, running the hooks of both: the old status's exit hooks, then the new
 * one's enter hooks.
 */
function move(
  config: CaseTypeConfig,
  run: Run,
  to: string,
  mode: TransitionMode,
  now: Instant,
): EngineRefusal | string | null {
  const from = run.c.status;
  const leaving = statusOf(config, from);
  const entering = statusOf(config, to);
  if (!entering) return refusal('unknown-status', `Case type ${config.id} has no status ${to}.`);
  const exitProblem = validateSpot(config, run.c, from, 'exitValidation', now);
  if (exitProblem) return refusal('exit-refused', `The case cannot leave ${leaving?.label ?? from}: ${exitProblem}.`);
  const enterProblem = validateSpot(config, run.c, to, 'enterValidation', now);
  if (enterProblem) return refusal('enter-refused', `The case cannot enter ${entering.label}: ${enterProblem}.`);
  for (const h of hooks(config, from, 'exitProcessing')) {
    const out = h.algorithm.run?.(run.c, h.params, { now, key: h.key });
    if (out) applyOutcome(run, { ...out, moveTo: undefined }, { now, key: h.key });
  }
  run.transitions.push({ from, to, mode });
  run.c = { ...run.c, status: to, statusSince: now, firedHooks: [] };
  if (entering.kind === 'final') run.c = { ...run.c, closedAt: now, nextMonitorAt: null };
  for (const rule of config.crossCase ?? []) {
    if (rule.onEnter === to || (rule.onEnter === '*final' && entering.kind === 'final')) {
      run.crossCase.push({ scope: rule.scope, caseTypes: rule.caseTypes, action: rule.action, reason: rule.reason });
    }
  }
  let chained: string | null = null;
  for (const h of hooks(config, to, 'enterProcessing')) {
    const out = h.algorithm.run?.(run.c, h.params, { now, key: h.key });
    if (!out) continue;
    applyOutcome(run, out, { now, key: h.key });
    if (out.moveTo && out.moveTo !== to && !chained) chained = out.moveTo;
  }
  return chained;
}

/**
 * Takes every automatic step that applies now: guarded system transitions, enter-processing chains,
 * and condition monitors (small balance, indicators, account-status mirror...), until none does.
 */
function settle(config: CaseTypeConfig, run: Run, now: Instant, firstMove: string | null = null): EngineRefusal | null {
  let pending = firstMove;
  for (let step = 0; step < MAX_CASCADE; step++) {
    if (isFinal(config, run.c.status)) return null;
    let target = pending;
    if (!target) {
      const guarded = config.transitions.find((t) => {
        if (t.mode !== 'system' || !t.guard || !appliesIn([t.from], run.c.status, config) || t.to === run.c.status)
          return false;
        return GUARDS[t.guard.guard]?.test(run.c, t.guard.params ?? {}) ?? false;
      });
      target = guarded?.to ?? null;
    }
    if (!target) {
      for (const h of hooks(config, run.c.status, 'monitoring')) {
        if (h.algorithm.kind !== 'condition') continue;
        const out = h.algorithm.run?.(run.c, h.params, { now, key: h.key });
        if (!out) continue;
        applyOutcome(run, { ...out, moveTo: undefined }, { now, key: h.key });
        if (out.moveTo && out.moveTo !== run.c.status) {
          target = out.moveTo;
          break;
        }
      }
    }
    if (!target) return null;
    const result = move(config, run, target, 'system', now);
    if (result && typeof result === 'object') return result;
    pending = result;
  }
  return refusal(
    'lifecycle-loop',
    `Case type ${config.id} v${config.version}: automatic transitions did not settle after ${MAX_CASCADE} steps (${run.transitions
      .map((t) => t.to)
      .join(' → ')}).`,
  );
}

/** When the scheduled monitor must next look at this case: the earliest due timed monitor of its status. */
export function nextMonitorAt(config: CaseTypeConfig, c: CaseState): Instant | null {
  if (isFinal(config, c.status)) return null;
  let earliest: Instant | null = null;
  for (const h of hooks(config, c.status, 'monitoring')) {
    if (h.algorithm.kind !== 'timed') continue;
    const due = h.algorithm.dueAt?.(c, h.params, { now: c.updatedAt, key: h.key }) ?? null;
    if (due && (!earliest || due < earliest)) earliest = due;
  }
  return earliest;
}

function signalsFor(before: CaseState, after: CaseState, transitions: StatusChange[]): string[] {
  const signals: string[] = [];
  if (before.drcId !== after.drcId && after.drcId) signals.push('case.drcAssigned');
  if (before.roId !== after.roId && after.roId) signals.push('case.roAssigned');
  if (after.paidCents > before.paidCents) signals.push('case.paymentRecorded');
  if (after.paidCents < before.paidCents) signals.push('case.paymentReversed');
  if (after.boardPhase !== before.boardPhase && after.boardPhase) signals.push('case.boardPhaseChanged');
  if ((after.roRequests ?? []).length > (before.roRequests ?? []).length) signals.push('case.roRequestOpened');
  if ((after.approvals ?? []).length > (before.approvals ?? []).length) signals.push('case.approvalRequested');
  if (transitions.length > 0) signals.push('case.statusChanged');
  if (after.closedAt && !before.closedAt) signals.push('case.closed');
  if (after.tasks.length > before.tasks.length) signals.push('case.todoRaised');
  if (after.promises.some((p, i) => p.status === 'broken' && before.promises[i]?.status === 'open')) {
    signals.push('case.promiseBroken');
  }
  return signals;
}

function finish(
  config: CaseTypeConfig,
  before: CaseState,
  run: Run,
  now: Instant,
  inputs: Record<string, unknown>,
): EngineOutcome {
  const stamped = { ...run.c, updatedAt: now, rev: before.rev + 1 };
  const c = { ...stamped, nextMonitorAt: nextMonitorAt(config, stamped) };
  return {
    ok: true,
    case: c,
    transitions: run.transitions,
    signals: [...new Set([...signalsFor(before, c, run.transitions), ...run.signals])],
    inputs,
    crossCase: run.crossCase,
    spawn: run.spawn,
    tasksRaised: run.tasksRaised,
    reasons: run.reasons,
  };
}

const newRun = (c: CaseState): Run => ({
  c,
  transitions: [],
  crossCase: [],
  spawn: [],
  tasksRaised: [],
  signals: [],
  reasons: [],
});

/** Settles a newly built case: its initial status's enter hooks and any automatic steps. */
export function startCase(config: CaseTypeConfig, c: CaseState, now: Instant): EngineResult {
  const run = newRun(c);
  for (const rule of config.crossCase ?? []) {
    if (rule.onEnter === c.status) {
      run.crossCase.push({ scope: rule.scope, caseTypes: rule.caseTypes, action: rule.action, reason: rule.reason });
    }
  }
  let chained: string | null = null;
  for (const h of hooks(config, c.status, 'enterProcessing')) {
    const out = h.algorithm.run?.(run.c, h.params, { now, key: h.key });
    if (!out) continue;
    applyOutcome(run, out, { now, key: h.key });
    if (out.moveTo && out.moveTo !== c.status && !chained) chained = out.moveTo;
  }
  const problem = settle(config, run, now, chained);
  if (problem) return problem;
  const out = finish(config, c, run, now, {});
  return { ...out, case: { ...out.case, rev: c.rev } };
}

/** Records an action and its result on a case (a "follow-up" in the life-cycle vocabulary, docs/domain.md). */
export function applyAction(
  config: CaseTypeConfig,
  c: CaseState,
  request: ActionRequest,
  actor: Actor,
  now: Instant,
): EngineResult {
  if (c.caseType !== config.id || c.configVersion !== config.version) {
    return refusal(
      'config-mismatch',
      `Case ${c.id} runs ${c.caseType} v${c.configVersion}, not ${config.id} v${config.version}.`,
    );
  }
  if (isFinal(config, c.status)) {
    return refusal('case-closed', `Case ${c.id} is closed (${c.status}); no further actions can be recorded.`);
  }
  const action = config.actions.find((a) => a.code === request.action);
  if (!action) {
    return refusal('unknown-action', `"${request.action}" is not an action of case type ${config.name}.`);
  }
  if (!action.roles.includes(actor.role)) {
    return refusal('role-not-allowed', `A ${actor.role} may not record "${action.label}".`);
  }
  if (!appliesIn(action.statuses, c.status, config)) {
    const status = statusOf(config, c.status);
    return refusal(
      'wrong-status',
      `"${action.label}" cannot be recorded while the case is ${status?.label ?? c.status}.`,
    );
  }
  if (c.hold && !action.allowedOnHold) {
    return refusal(
      'case-on-hold',
      `The case is on hold (${c.hold.reason}, case ${c.hold.byCaseId}); "${action.label}" must wait.`,
    );
  }
  const result = action.results.find((r) => r.code === request.result);
  if (!result) {
    return refusal(
      'unknown-result',
      `"${request.result}" is not a result of "${action.label}"; choose one of ${action.results.map((r) => r.code).join(', ')}.`,
      { result: 'is not a valid result' },
    );
  }
  const parsed = resultInputSchema(result).safeParse(request.inputs ?? {});
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error.issues, { root: '(form)' });
    return refusal('invalid-input', pleaseCorrect(fields), fields);
  }
  const inputs = parsed.data as Record<string, unknown>;

  let next: CaseState = c;
  for (const name of result.effects) {
    const effect = EFFECTS[name]!;
    const applied = effect.apply(next, {
      input: effect.input.parse(inputs),
      actor,
      now,
      requestId: request.requestId,
      resultCode: result.code,
      settings: { ...SETTINGS_DEFAULTS, ...config.settings },
    });
    if (isRefusal(applied)) {
      const { code, message, field } = applied.refused;
      return refusal(code, message, field ? { [field]: message } : undefined);
    }
    next = applied;
  }
  if (result.fields?.length) {
    const captured: Record<string, Characteristic> = { ...next.characteristics };
    for (const f of result.fields)
      if (inputs[f.name] !== undefined) captured[f.name] = inputs[f.name] as Characteristic;
    next = { ...next, characteristics: captured };
  }

  const run = newRun(next);
  const byValue = result.nextBy
    ? String(next.characteristics[result.nextBy.field] ?? inputs[result.nextBy.field] ?? '')
    : '';
  const target = result.nextBy ? (result.nextBy.map[byValue] ?? result.nextBy.otherwise) : result.next;
  let chained: string | null = null;
  if (target && target !== next.status) {
    if (!transitionAllowed(config, next.status, target, 'followUp')) {
      return refusal(
        'transition-not-allowed',
        `Case type ${config.id} does not allow ${next.status} → ${target} as a follow-up.`,
      );
    }
    const moved = move(config, run, target, 'followUp', now);
    if (moved && typeof moved === 'object') return moved;
    chained = moved;
  }
  const problem = settle(config, run, now, chained);
  if (problem) return problem;
  return finish(config, c, run, now, inputs);
}

/** Moves a case by hand to a status the configuration allows for this role (a manual transition). */
export function manualTransition(
  config: CaseTypeConfig,
  c: CaseState,
  to: string,
  reason: string,
  actor: Actor,
  now: Instant,
): EngineResult {
  if (isFinal(config, c.status)) {
    return refusal('case-closed', `Case ${c.id} is closed (${c.status}); it cannot move.`);
  }
  if (!statusOf(config, to)) {
    return refusal('unknown-status', `"${to}" is not a status of ${config.name}.`, { to: 'unknown status' });
  }
  const transition = transitionAllowed(config, c.status, to, 'manual');
  if (!transition || !(transition.roles ?? []).includes(actor.role)) {
    return refusal('transition-not-allowed', `A ${actor.role} may not move a case from ${c.status} to ${to}.`);
  }
  const trimmed = reason.trim();
  if (trimmed.length < 3) return refusal('invalid-input', 'Please give a reason.', { reason: 'is required' });
  const run = newRun(c);
  const moved = move(config, run, to, 'manual', now);
  if (moved && typeof moved === 'object') return moved;
  if (isFinal(config, to)) run.c = { ...run.c, closureReason: trimmed };
  const problem = settle(config, run, now, moved);
  if (problem) return problem;
  return finish(config, c, run, now, { to, reason: trimmed });
}

/**
 * One monitor pass over a case at `now` (the monitoring batch): timed monitors that are due and
 * condition monitors, in configured order; the first move ends the pass, then automatic steps follow.
 * Returns `changed: false` when nothing is due, so a second run over the same moment writes nothing.
 */
export function runMonitors(config: CaseTypeConfig, c: CaseState, now: Instant): EngineResult & { changed?: boolean } {
  if (isFinal(config, c.status)) return { ...finish(config, c, newRun(c), now, {}), case: c, changed: false };
  const run = newRun(c);
  let target: string | null = null;
  for (const h of hooks(config, c.status, 'monitoring')) {
    const ctx = { now, key: h.key };
    if (h.algorithm.kind === 'timed') {
      const due = h.algorithm.dueAt?.(run.c, h.params, ctx) ?? null;
      if (!due || due > now) continue;
    }
    const out = h.algorithm.run?.(run.c, h.params, ctx);
    if (!out) continue;
    applyOutcome(run, { ...out, moveTo: undefined }, ctx);
    if (out.moveTo && out.moveTo !== run.c.status) {
      target = out.moveTo;
      break;
    }
  }
  let chained: string | null = null;
  if (target) {
    const moved = move(config, run, target, 'system', now);
    // A refused move (e.g. open to-dos gate the exit) leaves the case where it is; the rest still applies.
    if (moved && typeof moved === 'object') run.c = { ...run.c };
    else chained = moved;
  }
  const problem = settle(config, run, now, chained);
  if (problem) return problem;
  const before = { ...c, nextMonitorAt: null, updatedAt: '', rev: 0 };
  const after = { ...run.c, nextMonitorAt: null, updatedAt: '', rev: 0 };
  const out = finish(config, c, run, now, {});
  const nextDue = nextMonitorAt(config, run.c);
  if (JSON.stringify(before) === JSON.stringify(after)) {
    // Nothing changed; only the due time may need moving on (it is never left in the past).
    return { ...out, case: { ...c, nextMonitorAt: nextDue }, changed: c.nextMonitorAt !== nextDue };
  }
  return { ...out, changed: true };
}

/** Cross-case work on another case: hold, release, or close it (by its configuration's closure status). */
export function applyCrossCase(
  config: CaseTypeConfig,
  target: CaseState,
  effect: CrossCaseEffect,
  byCaseId: string,
  now: Instant,
): EngineResult & { changed?: boolean } {
  if (isFinal(config, target.status))
    return { ...finish(config, target, newRun(target), now, {}), case: target, changed: false };
  const run = newRun(target);
  if (effect.action === 'hold') {
    if (target.hold?.byCaseId === byCaseId)
      return { ...finish(config, target, run, now, {}), case: target, changed: false };
    run.c = { ...run.c, hold: { byCaseId, reason: effect.reason, since: now } };
  } else if (effect.action === 'release') {
    if (target.hold?.byCaseId !== byCaseId)
      return { ...finish(config, target, run, now, {}), case: target, changed: false };
    run.c = { ...run.c, hold: null };
  } else {
    const to = config.closedByOtherCase;
    if (!to) return refusal('cannot-close', `Case type ${config.id} names no status for closure by another case.`);
    run.transitions.push({ from: target.status, to, mode: 'system' });
    run.c = {
      ...run.c,
      status: to,
      statusSince: now,
      closedAt: now,
      closureReason: `${effect.reason} (case ${byCaseId})`,
      firedHooks: [],
    };
  }
  return { ...finish(config, target, run, now, { crossCase: effect.action, byCaseId }), changed: true };
}

/**
 * Marks a to-do done (completing some to-dos is what lets a case leave its status). Those who work the case's
 * status may complete its to-dos, as may the operator's staff; the automatic steps that were waiting
 * for it (e.g. a move gated by `tasksCompleted`) follow.
 */
export function completeTask(
  config: CaseTypeConfig,
  c: CaseState,
  taskId: string,
  notes: string,
  actor: Actor,
  now: Instant,
): EngineResult {
  if (isFinal(config, c.status))
    return refusal('case-closed', `Case ${c.id} is closed; its to-dos are closed with it.`);
  const task = c.tasks.find((t) => t.id === taskId);
  if (!task)
    return refusal('unknown-task', `Case ${c.id} has no to-do ${taskId}.`, { taskId: 'is not a to-do of this case' });
  if (task.status === 'done')
    return refusal('task-done', `“${task.label}” is already done.`, { taskId: 'is already done' });
  const workers = new Set<string>([
    ...(statusOf(config, c.status)?.actors ?? []),
    'recovery_officer',
    'supervisor',
    'admin',
  ]);
  if (!workers.has(actor.role)) return refusal('role-not-allowed', `A ${actor.role} does not work this case’s to-dos.`);
  const run = newRun({
    ...c,
    tasks: c.tasks.map((t) => (t.id === taskId ? { ...t, status: 'done' as const, doneAt: now } : t)),
  });
  const problem = settle(config, run, now);
  if (problem) return problem;
  return finish(config, c, run, now, { taskId, notes: notes.trim() });
}

/**
 * A change of placement made by the assignment services, not by a configured action: an RO chosen by the DRC's
 * automatic mode, a recall from the DRC, a bulk reassignment; likewise an indicator an officer or a source system
 * raises or an officer clears. The case takes the patch and then every automatic step that follows (e.g. noDrc →
 * back to the initial status, an indicator watch → suspended), exactly as after an action.
 */
export function applyPlacement(
  config: CaseTypeConfig,
  c: CaseState,
  patch: Partial<Pick<CaseState, 'drcId' | 'roId' | 'assignment' | 'reallocate' | 'indicators'>>,
  inputs: Record<string, unknown>,
  now: Instant,
): EngineResult {
  if (isFinal(config, c.status)) return refusal('case-closed', `Case ${c.id} is closed (${c.status}).`);
  const run = newRun({ ...c, ...patch });
  const problem = settle(config, run, now);
  if (problem) return problem;
  return finish(config, c, run, now, inputs);
}
