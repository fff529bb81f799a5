import { en, type MessageKey } from './en';

export type { MessageKey };
type Vars = Record<string, string | number>;

const dictionary: Record<string, string> = en;

function fill(text: string, vars?: Vars): string {
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}

/** The user-visible text for `key` (English until other languages are added). */
export function t(key: MessageKey, vars?: Vars): string {
  return fill(en[key], vars);
}

/** For keys built at run time (a field or option name): the text, or `fallback` when there is none. */
export function tOr(key: string, fallback: string, vars?: Vars): string {
  return fill(dictionary[key] ?? fallback, vars);
}

/** `nextFollowUpOn` → "Next follow up on", `bank_transfer` → "Bank transfer", `MEDIATION_BOARD` → "Mediation board". */
export function humanize(code: string): string {
  const words = code
    .replace(/Cents$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
