import type { InputOf } from '../../../functions/src/domain/contracts';
import type { ContactPolicy } from '../../../functions/src/domain/notifications/compliance';

/** The contact policy as its form holds it: numbers as typed, the indicators one per line. */
export interface PolicyFormValues {
  maxPerDay: string;
  maxPerWeek: string;
  quietStart: string;
  quietEnd: string;
  timeZone: string;
  indicators: string;
  note: string;
}

export function policyFormValues(policy: ContactPolicy): PolicyFormValues {
  return {
    maxPerDay: String(policy.maxPerDay),
    maxPerWeek: String(policy.maxPerWeek),
    quietStart: policy.quietHours.start,
    quietEnd: policy.quietHours.end,
    timeZone: policy.timeZone,
    indicators: policy.blockingIndicators.join('\n'),
    note: '',
  };
}

// Text that is not a whole number goes through as NaN, so the contract's own message is the one shown.
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The proposeContactPolicy input from the form: what the contract then validates, with its own words. */
export function policyInput(values: PolicyFormValues, expectedVersion: number): InputOf<'proposeContactPolicy'> {
  return {
    expectedVersion,
    policy: {
      maxPerDay: whole(values.maxPerDay),
      maxPerWeek: whole(values.maxPerWeek),
      quietHours: { start: values.quietStart.trim(), end: values.quietEnd.trim() },
      timeZone: values.timeZone.trim(),
      blockingIndicators: values.indicators
        .split(/[\n,]/)
        .map((i) => i.trim())
        .filter(Boolean),
    },
    note: values.note.trim() || null,
  };
}

/** Form field ↔ the contract's path, so the server's and the schema's errors land on the right input. */
export const POLICY_FIELDS: Record<keyof PolicyFormValues, string> = {
  maxPerDay: 'policy.maxPerDay',
  maxPerWeek: 'policy.maxPerWeek',
  quietStart: 'policy.quietHours.start',
  quietEnd: 'policy.quietHours.end',
  timeZone: 'policy.timeZone',
  indicators: 'policy.blockingIndicators',
  note: 'note',
};
