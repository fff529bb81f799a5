import { z } from 'zod';
import type { CaseState } from '../model/case';
import type { Actor } from '../model/roles';
import type { Instant } from '../model/time';
import { EFFECTS, isRefusal } from './effects';
import { GUARDS } from './guards';
import type { ActionDef, CaseTypeConfig, ResultDef, StatusDef, TransitionMode } from './types';

/**
 * The life-cycle engine: pure and deterministic given (config, case, request, actor, clock).
 * It returns the new case and what happened; the Firestore adapter writes both in one transaction.
 */

export interface StatusChange {
  from: string;
  to: string;
  mode: TransitionMode;
}

export interface EngineOutcome {
  ok: true;
  case: CaseState;
  transitions: StatusChange[];
  /** Domain events for notifications and dashboards (e.g. `case.statusChanged`). */
  signals: string[];
  /** The validated inputs, as recorded on the audit trail. */
  inputs: Record<string, unknown>;
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

/** How far a chain of system transitions may run before the engine calls it a configuration loop. */
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

/** The input schema of a result: the union of its effects' inputs, strict so stray fields are refused. */
export function resultInputSchema(result: ResultDef): z.ZodObject<z.ZodRawShape> {
  const shape: z.ZodRawShape = {};
  for (const name of result.effects) {
    const effect = EFFECTS[name];
    if (!effect) throw new Error(`unknown effect ${name}`);
    Object.assign(shape, effect.input.shape);
  }
  return z.strictObject(shape);
}

/** The actions (and their results) this actor may record on this case now: drives the web forms. */
export function availableActions(config: CaseTypeConfig, c: CaseState, actor: Actor): ActionDef[] {
  if (isFinal(config, c.status)) return [];
  return config.actions.filter((a) => a.roles.includes(actor.role) && appliesIn(a.statuses, c.status, config));
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '(form)';
    if (!(path in fields)) fields[path] = issue.message;
  }
  return fields;
}

function describeFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([field, message]) => `${field} ${message}`)
    .join('; ');
}

function enterStatus(config: CaseTypeConfig, c: CaseState, to: string, now: Instant): CaseState {
  const entered: CaseState = { ...c, status: to, statusSince: now };
  if (isFinal(config, to)) {
    return { ...entered, closedAt: now, nextMonitorAt: null };
  }
  return entered;
}

/** Takes every system transition whose guard holds, until none does. */
export function cascade(
  config: CaseTypeConfig,
  start: CaseState,
  now: Instant,
): { case: CaseState; transitions: StatusChange[] } | EngineRefusal {
  let c = start;
  const transitions: StatusChange[] = [];
  for (let step = 0; step < MAX_CASCADE; step++) {
    if (isFinal(config, c.status)) return { case: c, transitions };
    const next = config.transitions.find((t) => {
      if (t.mode !== 'system' || !appliesIn([t.from], c.status, config) || t.to === c.status) return false;
      const guard = t.guard ? GUARDS[t.guard.guard] : undefined;
      return guard ? guard.test(c, t.guard?.params ?? {}) : false;
    });
    if (!next) return { case: c, transitions };
    transitions.push({ from: c.status, to: next.to, mode: 'system' });
    c = enterStatus(config, c, next.to, now);
  }
  return refusal(
    'lifecycle-loop',
    `Case type ${config.id} v${config.version}: system transitions did not settle after ${MAX_CASCADE} steps (${transitions
      .map((t) => t.to)
      .join(' → ')}).`,
  );
}

function signalsFor(before: CaseState, after: CaseState, transitions: StatusChange[]): string[] {
  const signals: string[] = [];
  if (before.drcId !== after.drcId && after.drcId) signals.push('case.drcAssigned');
  if (before.roId !== after.roId && after.roId) signals.push('case.roAssigned');
  if (after.paidCents > before.paidCents) signals.push('case.paymentRecorded');
  if (transitions.length > 0) signals.push('case.statusChanged');
  if (after.closedAt && !before.closedAt) signals.push('case.closed');
  return signals;
}

/** Records an action and its result on a case (a "follow-up" in seed 003's words). */
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
    const fields = fieldErrors(parsed.error);
    return refusal('invalid-input', `Please correct: ${describeFields(fields)}.`, fields);
  }
  const inputs = parsed.data as Record<string, unknown>;

  let next: CaseState = c;
  for (const name of result.effects) {
    const effect = EFFECTS[name]!;
    const effectInput = effect.input.parse(inputs);
    const applied = effect.apply(next, {
      input: effectInput,
      actor,
      now,
      requestId: request.requestId,
      resultCode: result.code,
      settings: config.settings,
    });
    if (isRefusal(applied)) {
      const { code, message, field } = applied.refused;
      return refusal(code, message, field ? { [field]: message } : undefined);
    }
    next = applied;
  }

  const transitions: StatusChange[] = [];
  if (result.next && result.next !== next.status) {
    if (!transitionAllowed(config, next.status, result.next, 'followUp')) {
      return refusal(
        'transition-not-allowed',
        `Case type ${config.id} does not allow ${next.status} → ${result.next} as a follow-up.`,
      );
    }
    transitions.push({ from: next.status, to: result.next, mode: 'followUp' });
    next = enterStatus(config, next, result.next, now);
  }
  const settled = cascade(config, next, now);
  if ('ok' in settled) return settled;
  transitions.push(...settled.transitions);
  const finalCase = { ...settled.case, updatedAt: now, rev: c.rev + 1 };
  return { ok: true, case: finalCase, transitions, signals: signalsFor(c, finalCase, transitions), inputs };
}

/** Moves a case by hand to a status the configuration allows for this role (seed 003: manual transition). */
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
  if (!statusOf(config, to))
    return refusal('unknown-status', `"${to}" is not a status of ${config.name}.`, { to: 'unknown status' });
  const transition = transitionAllowed(config, c.status, to, 'manual');
  if (!transition || !(transition.roles ?? []).includes(actor.role)) {
    return refusal('transition-not-allowed', `A ${actor.role} may not move a case from ${c.status} to ${to}.`);
  }
  const trimmed = reason.trim();
  if (trimmed.length < 3) return refusal('invalid-input', 'Please give a reason.', { reason: 'is required' });
  let next = enterStatus(config, c, to, now);
  if (isFinal(config, to)) next = { ...next, closureReason: trimmed };
  const transitions: StatusChange[] = [{ from: c.status, to, mode: 'manual' }];
  const settled = cascade(config, next, now);
  if ('ok' in settled) return settled;
  transitions.push(...settled.transitions);
  const finalCase = { ...settled.case, updatedAt: now, rev: c.rev + 1 };
  return {
    ok: true,
    case: finalCase,
    transitions,
    signals: signalsFor(c, finalCase, transitions),
    inputs: { to, reason: trimmed },
  };
}
