import { en, type MessageKey } from './en';
import { currentLanguage, type Language } from './locale';
import { si } from './si';
import { ta } from './ta';

export type { MessageKey };
type Vars = Record<string, string | number>;
export type Catalogue = Partial<Record<MessageKey, string>>;

const CATALOGUES: Record<Language, Catalogue> = { en, si, ta };

/** Keys of `en` that a catalogue lacks (they show in English): the unit test and the console report them. */
export function missingKeys(language: Language): MessageKey[] {
  const catalogue = CATALOGUES[language];
  return (Object.keys(en) as MessageKey[]).filter((key) => !catalogue[key]);
}

const reported = new Set<string>();
function reportMissing(language: Language, key: string): void {
  if (reported.has(`${language}:${key}`)) return;
  reported.add(`${language}:${key}`);
  console.warn(`[i18n] "${key}" has no ${language} text; showing English.`);
}

function fill(text: string, vars?: Vars): string {
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}

function lookup(key: string): string | undefined {
  const language = currentLanguage();
  const text = (CATALOGUES[language] as Record<string, string | undefined>)[key];
  if (text !== undefined) return text;
  const english = (en as Record<string, string | undefined>)[key];
  if (english !== undefined && language !== 'en') reportMissing(language, key);
  return english;
}

/** The user-visible text for `key` in the current language (English where a translation is missing). */
export function t(key: MessageKey, vars?: Vars): string {
  return fill(lookup(key) ?? key, vars);
}

/** For keys built at run time (a field or option name): the text, or `fallback` when there is none. */
export function tOr(key: string, fallback: string, vars?: Vars): string {
  return fill(lookup(key) ?? fallback, vars);
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
