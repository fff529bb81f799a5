import type { ActorRole } from '../model/roles';

/**
 * A case type is data: statuses, transitions between them, and the actions users record.
 * The engine (engine.ts) interprets it; nothing about a particular life cycle is in code.
 * Vocabulary follows the banking process guide the case types are modelled on (docs/domain.md): initial / interim /
 * final statuses; system, follow-up and manual transitions; action → result → effects → follow-up status.
 */
/**
 * A label's words in the languages other than English (the `label` beside it is the English), so a reader sees
 * statuses, actions, results, fields and to-dos in their own language. Required for a shipped or saved case type,
 * absent in versions stored before translations existed (those show English): docs/decisions/0043-labels-in-the-readers-language.md.
 */
export interface LabelTranslations {
  si: string;
  ta: string;
}

export type StatusKind = 'initial' | 'interim' | 'final';
export type TransitionMode = 'system' | 'followUp' | 'manual';

/** Where an algorithm plugs into a status (an "algorithm spot"). */
export const HOOK_SPOTS = [
  'enterValidation',
  'enterProcessing',
  'monitoring',
  'exitValidation',
  'exitProcessing',
] as const;
export type HookSpot = (typeof HOOK_SPOTS)[number];

/** An algorithm from the typed library (algorithms.ts) with its parameters; run in list order. */
export interface AlgorithmRef {
  algorithm: string;
  params?: Record<string, unknown>;
  /** Why this algorithm is here, in the process guide's words (e.g. its instance code `C1-ECRCSB`; docs/domain.md). */
  note?: string;
}

export interface StatusDef {
  code: string;
  label: string;
  labels?: LabelTranslations;
  kind: StatusKind;
  description: string;
  /** Who works a case while it is in this status (shown in the job basket, used for routing). */
  actors: ActorRole[];
  hooks?: Partial<Record<HookSpot, AlgorithmRef[]>>;
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

/** An input a configuration declares itself (stored in the case's characteristics), beside the effects' own. */
export interface FieldDef {
  name: string;
  label: string;
  labels?: LabelTranslations;
  type: 'text' | 'date' | 'amount' | 'number' | 'choice' | 'boolean';
  required: boolean;
  choices?: string[];
}

export interface ResultDef {
  code: string;
  label: string;
  labels?: LabelTranslations;
  /** Effects from the effect library (effects.ts), applied in order; their inputs make the result's form. */
  effects: string[];
  /** Inputs this result captures into the case's characteristics (e.g. the bankruptcy chapter, a hearing date). */
  fields?: FieldDef[];
  /** Follow-up status: where the case goes after this result (must be a followUp transition). */
  next?: string;
  /** Follow-up chosen by a captured value (e.g. chapter 7 → MANAGE_CH7); `otherwise` when no key matches. */
  nextBy?: { field: string; map: Record<string, string>; otherwise?: string };
}

export interface ActionDef {
  code: string;
  label: string;
  labels?: LabelTranslations;
  roles: ActorRole[];
  /** Statuses the action may be recorded in; '*' for every non-final status. */
  statuses: string[];
  results: ResultDef[];
  /** May it be recorded while the case is held by another case (e.g. a payment during a bankruptcy)? */
  allowedOnHold?: boolean;
}

export interface CaseTypeSettings {
  /** Days an assignment to a DRC or agency stays valid before it must be extended or returned. */
  validityDays?: number;
  /** Largest discount (percent of arrears) an RO or collector may grant without a supervisor. */
  maxRoDiscountPct?: number;
  maxInstalments?: number;
  /** Longest validity extension an RO may ask for at once (days). */
  maxExtensionDays?: number;
}

export const SETTINGS_DEFAULTS: Required<CaseTypeSettings> = {
  validityDays: 60,
  maxRoDiscountPct: 0,
  maxInstalments: 12,
  maxExtensionDays: 30,
};

/**
 * What entering a status does to other open cases on the same account or customer (the
 * cross-case matrix, docs/domain.md): hold them, release them, or close them.
 */
export interface CrossCaseRule {
  /** The status whose entry fires the rule; '*final' for any final status. */
  onEnter: string;
  scope: 'account' | 'customer';
  /** Case type ids affected, or ['*'] for every other case type. */
  caseTypes: string[];
  action: 'hold' | 'release' | 'close';
  reason: string;
}

export interface CaseTypeConfig {
  id: string;
  version: number;
  name: string;
  description: string;
  /** How an unclear or contradictory passage of the process guide was read, so the reading can be challenged. */
  readings: string[];
  /** The process guide's case category (e.g. Bankruptcy, EarlyCollections, RecoveryExternal). */
  category: string;
  /** One case per account, or per customer (bankruptcy, deceased and hardship are customer-level). */
  level: 'account' | 'customer';
  /** Open cases of these types on the same account/customer refuse a new case of this type. */
  blockedBy?: string[];
  /** The final status a case of this type goes to when another case closes it (cross-case rule). */
  closedByOtherCase?: string;
  crossCase?: CrossCaseRule[];
  /** Inputs required when a case of this type is created. */
  creationFields?: FieldDef[];
  settings: CaseTypeSettings;
  statuses: StatusDef[];
  transitions: TransitionDef[];
  actions: ActionDef[];
}
