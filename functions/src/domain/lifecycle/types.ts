import type { ActorRole } from '../model/roles';

/**
 * A case type is data: statuses, transitions between them, and the actions users record.
 * The engine (engine.ts) interprets it; nothing about a particular life cycle is in code.
 * Vocabulary follows seed 003: initial / interim / final statuses; system, follow-up and manual transitions;
 * action → result → effects → follow-up status.
 */
export type StatusKind = 'initial' | 'interim' | 'final';
export type TransitionMode = 'system' | 'followUp' | 'manual';

export interface StatusDef {
  code: string;
  label: string;
  kind: StatusKind;
  description: string;
  /** Who works a case while it is in this status (shown in the job basket, used for routing). */
  actors: ActorRole[];
}

/** A named predicate from the guard library (guards.ts) with its parameters. */
export interface GuardRef {
  guard: string;
  params?: Record<string, unknown>;
}

export interface TransitionDef {
  /** A status code, or '*' for every non-final status. */
  from: string;
  to: string;
  mode: TransitionMode;
  /** Manual transitions: who may make them. */
  roles?: ActorRole[];
  /** System transitions: taken as soon as the guard holds. */
  guard?: GuardRef;
}

export interface ResultDef {
  code: string;
  label: string;
  /** Effects from the effect library (effects.ts), applied in order; their inputs make the result's form. */
  effects: string[];
  /** Follow-up status: where the case goes after this result (must be a followUp transition). */
  next?: string;
}

export interface ActionDef {
  code: string;
  label: string;
  roles: ActorRole[];
  /** Statuses the action may be recorded in; '*' for every non-final status. */
  statuses: string[];
  results: ResultDef[];
}

export interface CaseTypeSettings {
  /** Days an assignment to a DRC stays valid before it must be extended or returned. */
  validityDays: number;
  /** Largest discount (percent of arrears) an RO may grant without a supervisor. */
  maxRoDiscountPct: number;
  maxInstalments: number;
}

export interface CaseTypeConfig {
  id: string;
  version: number;
  name: string;
  description: string;
  /** How an unclear or contradictory seed passage was read, so the reading can be challenged. */
  readings: string[];
  settings: CaseTypeSettings;
  statuses: StatusDef[];
  transitions: TransitionDef[];
  actions: ActionDef[];
}
