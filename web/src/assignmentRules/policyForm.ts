import type {
  AgencyTierName,
  AssignmentPolicyView,
  DrcPolicyView,
  DrcTermsInput,
  SaveAssignmentPolicyInput,
} from '../../../functions/src/domain/contracts/types';
import { parseRupeesToCents } from '../format/money';

export const ACTIONS = ['arrears', 'cpe', 'arrears_cpe'] as const;
export const TIERS: AgencyTierName[] = ['primary', 'secondary', 'tertiary'];

/** The form keeps what the user typed as text; it becomes numbers and lists only when saved. */
export interface DrcDraft {
  id: string;
  name: string;
  active: boolean;
  actions: DrcTermsInput['actions'];
  caseTypes: string;
  regions: string;
  capacity: string;
  minArrears: string;
  maxArrears: string;
  agencyTier: AgencyTierName | '';
}

export interface PolicyDraft {
  excludedIndicators: string;
  excludeHeld: boolean;
  performanceBand: string;
  performanceWindowDays: string;
  drcs: DrcDraft[];
}

const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const rupees = (cents: number) => (cents / 100).toFixed(2).replace(/\.00$/, '');

export function draftOf(view: AssignmentPolicyView): PolicyDraft {
  return {
    excludedIndicators: view.rules.excludedIndicators.join(', '),
    excludeHeld: view.rules.excludeHeld,
    performanceBand: String(view.rules.performanceBand),
    performanceWindowDays: String(view.rules.performanceWindowDays),
    drcs: view.drcs
      // A DRC whose document does not parse carries only its id, name and problem: it is not a form row.
      .filter((d): d is DrcPolicyView => d.problem === null)
      .map((d) => ({
        id: d.id,
        name: d.name,
        active: d.active,
        actions: d.actions,
        caseTypes: d.caseTypes.join(', '),
        regions: d.regions.join(', '),
        capacity: String(d.capacity),
        minArrears: rupees(d.minArrearsCents),
        maxArrears: d.maxArrearsCents === null ? '' : rupees(d.maxArrearsCents),
        agencyTier: d.agencyTier ?? '',
      })),
  };
}

/** A number as typed, or NaN: the server names the field and says what is wrong with it. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/** An amount in rupees as typed, in cents: empty is none (`empty`), text that is not an amount is NaN. */
const cents = (text: string, empty: number | null) => {
  if (text.trim() === '') return empty;
  return parseRupeesToCents(text) ?? Number.NaN;
};

/** What the form holds: the draft, with the version it was made from. */
export type PolicyFormValues = PolicyDraft & { expectedVersion: number };

/**
 * The fields the form refuses before the contract sees them: amounts that are not amounts (the contract would
 * only see a number, and could not say which text was typed). Keys are the contract's paths, so errors land in
 * the same place.
 */
export function amountProblems(draft: PolicyDraft): Record<string, string> {
  const fields: Record<string, string> = {};
  draft.drcs.forEach((d, i) => {
    if (Number.isNaN(cents(d.minArrears, 0))) fields[`drcs.${i}.minArrearsCents`] = 'is not an amount in rupees';
    if (Number.isNaN(cents(d.maxArrears, null))) fields[`drcs.${i}.maxArrearsCents`] = 'is not an amount in rupees';
  });
  return fields;
}

/** The saveAssignmentPolicy input the form stands for; the contract names each field that is wrong. */
export function policyInput(values: PolicyFormValues): SaveAssignmentPolicyInput {
  return {
    expectedVersion: values.expectedVersion,
    rules: {
      excludedIndicators: list(values.excludedIndicators),
      excludeHeld: values.excludeHeld,
      performanceBand: num(values.performanceBand),
      performanceWindowDays: num(values.performanceWindowDays),
    },
    drcs: values.drcs.map((d): DrcTermsInput => ({
      id: d.id,
      name: d.name,
      active: d.active,
      actions: d.actions,
      caseTypes: list(d.caseTypes),
      regions: list(d.regions),
      capacity: num(d.capacity),
      minArrearsCents: cents(d.minArrears, 0) ?? 0,
      maxArrearsCents: cents(d.maxArrears, null),
      agencyTier: d.agencyTier === '' ? null : d.agencyTier,
    })),
  };
}

/** What submitting the form sends, or the fields it refuses without sending (amounts that are not amounts). */
export function inputOf(
  draft: PolicyDraft,
  expectedVersion: number,
): { input: SaveAssignmentPolicyInput } | { fields: Record<string, string> } {
  const fields = amountProblems(draft);
  if (Object.keys(fields).length > 0) return { fields };
  return { input: policyInput({ ...draft, expectedVersion }) };
}
