import type { ActorRole, Role } from '../../model/roles';
import type { ActionDef, AlgorithmRef, FieldDef, GuardRef, ResultDef, TransitionDef } from '../types';
import { translationsOf } from './translations';

/**
 * Small builders for the blocks every shipped case type writes the same way (transitions, fields, the common
 * algorithms, a result that only records a note), so each configuration states only what is its own. They build
 * plain data: what a configuration stores is exactly what it stored when these blocks were written out by hand
 * (the shipped-configuration snapshot test holds that).
 */

/** The recovery section's roles: who works and moves most cases by hand. */
export const OFFICERS: Role[] = ['recovery_officer', 'supervisor'];

// ─── Transitions ──────────────────────────────────────────────────────────────────────────────

export const system = (from: string, to: string, guard?: GuardRef): TransitionDef =>
  guard ? { from, to, mode: 'system', guard } : { from, to, mode: 'system' };
export const followUp = (from: string, to: string): TransitionDef => ({ from, to, mode: 'followUp' });
export const manual = (from: string, to: string, roles: ActorRole[] = OFFICERS): TransitionDef => ({
  from,
  to,
  mode: 'manual',
  roles,
});

/** A cell of a printed transition matrix: S system, F follow-up, or both. */
export type MatrixCell = 'S' | 'F' | 'S,F';

/**
 * A printed transition matrix (rows "from", keys "to") as transitions, row by row: a cell's system transition
 * first (with the guard `systemGuard` gives it, if any), then its follow-up.
 */
export function fromMatrix(
  matrix: Record<string, Record<string, MatrixCell>>,
  systemGuard: (from: string, to: string) => GuardRef | undefined = () => undefined,
): TransitionDef[] {
  const out: TransitionDef[] = [];
  for (const [from, row] of Object.entries(matrix)) {
    for (const [to, cell] of Object.entries(row)) {
      if (cell.includes('S')) out.push(system(from, to, systemGuard(from, to)));
      if (cell.includes('F')) out.push(followUp(from, to));
    }
  }
  return out;
}

// ─── Fields ───────────────────────────────────────────────────────────────────────────────────

export const textField = (name: string, label: string, required = true): FieldDef => ({
  name,
  label,
  type: 'text',
  required,
});
export const dateField = (name: string, label: string, required = true): FieldDef => ({
  name,
  label,
  type: 'date',
  required,
});
export const amountField = (name: string, label: string, required = true): FieldDef => ({
  name,
  label,
  type: 'amount',
  required,
});
export const yesField = (name: string, label: string): FieldDef => ({ name, label, type: 'boolean', required: true });
export const choiceField = (name: string, label: string, choices: string[], required = true): FieldDef => ({
  name,
  label,
  type: 'choice',
  choices,
  required,
});

// ─── Algorithms ───────────────────────────────────────────────────────────────────────────────

/** An algorithm with its parameters and, where the guide names it, the note that says which instance it is. */
const algorithm = (name: string, params: Record<string, unknown> | undefined, note?: string): AlgorithmRef => ({
  algorithm: name,
  ...(params ? { params } : {}),
  ...(note ? { note } : {}),
});

export const setCharacteristic = (field: string, value: string | boolean | null, note?: string): AlgorithmRef =>
  algorithm('setCharacteristic', { field, value }, note);

export const raiseTodo = (type: string, label: string, note?: string, dueInDays?: number): AlgorithmRef =>
  algorithm('raiseTodo', dueInDays === undefined ? { type, label } : { type, label, dueInDays }, note);

/** After `days` in the status: a to-do, a move, or both (`params` beside `days`). */
export const afterDaysInStatus = (
  days: number,
  params: { todo?: { type: string; label: string }; moveTo?: string },
  note?: string,
): AlgorithmRef => algorithm('afterDaysInStatus', { days, ...params }, note);

/** After `days` in the status, a to-do: the most common monitor (no activity, waiting too long). */
export const todoAfterDays = (days: number, type: string, label: string, note?: string): AlgorithmRef =>
  afterDaysInStatus(days, { todo: { type, label } }, note);

/** Closes the case's open to-dos: of these types, or all of them. */
export const closeTasks = (taskTypes?: string[], note?: string): AlgorithmRef =>
  algorithm('closeTasks', taskTypes ? { taskTypes } : undefined, note);

export const zeroBalanceClose = (to: string, note?: string): AlgorithmRef =>
  algorithm('zeroBalanceClose', { to }, note);

export const requireCharacteristics = (fields: string[], note?: string): AlgorithmRef =>
  algorithm('requireCharacteristics', { fields }, note);

// ─── Results ──────────────────────────────────────────────────────────────────────────────────

/** A result that records what happened as a note and moves the case on. */
export const noteResult = (code: string, label: string, next: string): ResultDef => ({
  code,
  label,
  effects: ['recordNote'],
  next,
});

// ─── Actions ──────────────────────────────────────────────────────────────────────────────────

/**
 * Recording a payment: the same action in every case type that takes money; who may, in which statuses, and
 * whether while the case is held are what differ.
 */
export const recordPaymentAction = ({
  roles = OFFICERS,
  statuses = ['*'],
  allowedOnHold = false,
}: { roles?: ActorRole[]; statuses?: string[]; allowedOnHold?: boolean } = {}): ActionDef => ({
  code: 'recordPayment',
  label: 'Record a payment',
  roles,
  statuses,
  ...(allowedOnHold ? { allowedOnHold: true } : {}),
  results: [{ code: 'received', label: 'Payment received', effects: ['recordPayment'] }],
});

/** The supervisor records the sale of the debt to a buyer (internal and external recovery). */
export const debtSaleAction = (): ActionDef => ({
  code: 'debtSale',
  label: 'Record the debt sale',
  roles: ['supervisor'],
  statuses: ['DEBT_SALE'],
  results: [
    {
      code: 'marked_sold',
      label: 'Marked sold to a buyer',
      effects: [],
      fields: [
        textField('debtBuyer', 'Buyer (asset restructuring company)'),
        amountField('salePriceCents', 'Sale price'),
      ],
    },
  ],
});

// ─── Translations ─────────────────────────────────────────────────────────────────────────────

/**
 * The configuration with the Sinhala and Tamil of each label (translations.ts) written beside it as `labels`:
 * every object with a string `label` (status, action, result, field, to-do in an algorithm's parameters). A label
 * the catalogue lacks is left without, which the shipped-labels test reports.
 */
export function translated<T>(config: T): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = walk(child);
    const label = out.label;
    if (typeof label === 'string' && !out.labels) {
      const labels = translationsOf(label);
      if (labels) out.labels = labels;
    }
    return out;
  };
  return walk(config) as T;
}
