import { formatLkr } from '../model/money';
import type { StatusChange } from './engine';
import type { CaseTypeConfig } from './types';

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
