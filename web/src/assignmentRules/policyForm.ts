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

/**
 * The save input, or the fields the form refuses before sending (amounts that are not amounts: the server
 * cannot say which text was typed). Keys are the server's field paths, so errors land in the same place.
 */
export function inputOf(
  draft: PolicyDraft,
  expectedVersion: number,
): { input: SaveAssignmentPolicyInput } | { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const drcs: DrcTermsInput[] = draft.drcs.map((d, i) => {
    const min = d.minArrears.trim() === '' ? 0 : parseRupeesToCents(d.minArrears);
    const max = d.maxArrears.trim() === '' ? null : parseRupeesToCents(d.maxArrears);
    if (min === null) fields[`drcs.${i}.minArrearsCents`] = 'is not an amount in rupees';
    if (max === null && d.maxArrears.trim() !== '') fields[`drcs.${i}.maxArrearsCents`] = 'is not an amount in rupees';
    return {
      id: d.id,
      name: d.name,
      active: d.active,
      actions: d.actions,
      caseTypes: list(d.caseTypes),
      regions: list(d.regions),
      capacity: num(d.capacity),
      minArrearsCents: min ?? 0,
      maxArrearsCents: max,
      agencyTier: d.agencyTier === '' ? null : d.agencyTier,
    };
  });
  if (Object.keys(fields).length > 0) return { fields };
  return {
    input: {
      expectedVersion,
      rules: {
        excludedIndicators: list(draft.excludedIndicators),
        excludeHeld: draft.excludeHeld,
        performanceBand: num(draft.performanceBand),
        performanceWindowDays: num(draft.performanceWindowDays),
      },
      drcs,
    },
  };
}
