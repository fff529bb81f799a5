import { formatLkr } from '../model/money';
import type { StatusChange } from './engine';
import type { CaseTypeConfig } from './types';

/**
 * The inputs a timeline line names, by key: the web client writes the line from these, the action and result codes
 * and the case type's labels in the reader's language, as describeOutcome writes the English.
 */
export const TIMELINE_VALUE_KEYS = [
  'amountCents',
  'agreedCents',
  'instalments',
  'reference',
  'days',
  'hearingDate',
  'reason',
  'note',
  'notes',
  'taskId',
] as const;

/** The values of an event's inputs that its timeline line names (scalars only). */
export function timelineValues(inputs: Record<string, unknown> | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const key of TIMELINE_VALUE_KEYS) {
    const value = inputs?.[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

/** One line for the timeline: what was recorded, in the configuration's own words, with its key figures. */
export function describeOutcome(
  config: CaseTypeConfig,
  what: { action: string; result: string } | { manualTo: string },
  inputs: Record<string, unknown>,
  transitions: StatusChange[],
): string {
  const statusLabel = (code: string) => config.statuses.find((s) => s.code === code)?.label ?? code;
  const money = (key: string) => (typeof inputs[key] === 'number' ? formatLkr(inputs[key] as number) : null);
  const parts: string[] = [];
  if ('manualTo' in what) {
    parts.push(`Moved to ${statusLabel(what.manualTo)}`);
  } else {
    const action = config.actions.find((a) => a.code === what.action);
    const result = action?.results.find((r) => r.code === what.result);
    parts.push(`${action?.label ?? what.action}: ${result?.label ?? what.result}`);
  }
  const amount = money('amountCents');
  if (amount) parts.push(amount);
  const agreed = money('agreedCents');
  if (agreed) parts.push(`settlement ${agreed} in ${String(inputs.instalments)} instalment(s)`);
  // Field work: a reversal names its payment, an extension its days, a hearing its date.
  if (!amount && typeof inputs.reference === 'string') parts.push(`payment ${inputs.reference}`);
  if (typeof inputs.days === 'number') parts.push(`${inputs.days} days`);
  if (typeof inputs.hearingDate === 'string') parts.push(`hearing on ${inputs.hearingDate}`);
  if (typeof inputs.reason === 'string' && inputs.reason) parts.push(inputs.reason);
  if (typeof inputs.note === 'string' && inputs.note) parts.push(`“${inputs.note}”`);
  if (typeof inputs.notes === 'string' && inputs.notes) parts.push(`“${inputs.notes}”`);
  if (transitions.length > 0) {
    parts.push(transitions.map((t) => `${statusLabel(t.from)} → ${statusLabel(t.to)}`).join(', '));
  }
  return parts.join(' · ');
}
