import type { EventKind } from './events';
import {
  LANGUAGES,
  render,
  TEMPLATES,
  type Language,
  type Template,
  type TemplateKey,
  type TemplateTable,
} from './templates';

/** Every message can greet its reader. */
const ALWAYS = ['name'] as const;
const CASE = ['account', 'caseId', 'status'] as const;

/**
 * The variables each kind of event carries (events.ts, schedule.ts, followUps.ts, onImportNotify.ts build them),
 * so an edited template can only use what will be filled: a typo like `{acount}` would otherwise send a customer
 * a sentence with a hole in it.
 */
export const TEMPLATE_VARIABLES: Record<EventKind, readonly string[]> = {
  case_assigned: [...ALWAYS, ...CASE, 'to'],
  status_changed: [...ALWAYS, ...CASE, 'from'],
  approval_needed: [...ALWAYS, ...CASE, 'task', 'due'],
  approval_decided: [...ALWAYS, ...CASE, 'task', 'due'],
  case_overdue: [...ALWAYS, ...CASE, 'task', 'due'],
  promise_due: [...ALWAYS, ...CASE, 'due'],
  promise_broken: [...ALWAYS, ...CASE, 'due'],
  validity_expiring: [...ALWAYS, ...CASE, 'task', 'due'],
  validity_expired: [...ALWAYS, ...CASE],
  case_returned: [...ALWAYS, ...CASE, 'due'],
  case_handed_back: [...ALWAYS, ...CASE],
  follow_up_due: [...ALWAYS, ...CASE, 'task', 'due'],
  escalation: [...ALWAYS, ...CASE, 'days', 'since'],
  import_finished: [...ALWAYS, 'importId', 'registered', 'rejected', 'state'],
  digest: [...ALWAYS, 'count', 'summary'],
};

/** Kinds about a case, whose customer may be written to (`{kind}.customer`); imports and digests are staff-only. */
export const CUSTOMER_KINDS: readonly EventKind[] = (Object.keys(TEMPLATE_VARIABLES) as EventKind[]).filter((k) =>
  TEMPLATE_VARIABLES[k].includes('account'),
);

export const SUBJECT_MAX = 150;
export const BODY_MAX = 1000;

export function kindOfKey(key: TemplateKey): EventKind {
  return key.replace(/\.customer$/, '') as EventKind;
}

export function isCustomerKey(key: TemplateKey): boolean {
  return key.endsWith('.customer');
}

export type PlaceholderIssue = { kind: 'brace' } | { kind: 'unknown'; unknown: string[] };

/** What is wrong with one text's placeholders, as data (the web client words it in the reader's language). */
export function placeholderIssue(text: string, allowed: readonly string[]): PlaceholderIssue | null {
  // Braces must pair up: a lone `{` or `}` is most likely a placeholder typed half.
  if (/[{}]/.test(text.replace(/\{\w+\}/g, ''))) return { kind: 'brace' };
  const unknown = [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].filter((v) => !allowed.includes(v));
  return unknown.length > 0 ? { kind: 'unknown', unknown } : null;
}

/** What is wrong with one text's placeholders, in English, or null. */
export function placeholderProblem(text: string, allowed: readonly string[]): string | null {
  const issue = placeholderIssue(text, allowed);
  if (!issue) return null;
  if (issue.kind === 'brace') return 'has a { or } that is not part of a {variable}';
  const list = issue.unknown.map((v) => `{${v}}`).join(', ');
  return `uses ${list}, which this message does not have; it can use ${allowed.map((v) => `{${v}}`).join(', ')}`;
}

/**
 * The problems of one template, keyed `subject` / `body`, in the words the template screen shows beside each box.
 * A Sinhala or Tamil text left wholly empty is no problem: it means "not translated", and English is sent.
 */
export function templateProblems(
  key: TemplateKey,
  template: Template,
  language: Language = 'en',
): Partial<Record<keyof Template, string>> {
  const allowed = TEMPLATE_VARIABLES[kindOfKey(key)];
  const problems: Partial<Record<keyof Template, string>> = {};
  const subject = template.subject.trim();
  const body = template.body.trim();
  if (language !== 'en' && !subject && !body) return problems;
  // A customer message goes by SMS, which has no subject: only staff messages need one (the email subject and
  // the inbox title).
  if (!subject && !isCustomerKey(key)) problems.subject = 'is required';
  else if (subject.length > SUBJECT_MAX) problems.subject = `is longer than ${SUBJECT_MAX} characters`;
  else {
    const p = placeholderProblem(subject, allowed);
    if (p) problems.subject = p;
  }
  if (!body) problems.body = 'is required';
  else if (body.length > BODY_MAX) problems.body = `is longer than ${BODY_MAX} characters`;
  else {
    const p = placeholderProblem(body, allowed);
    if (p) problems.body = p;
  }
  return problems;
}

/** Edited templates, by language and key; whatever is not edited keeps the shipped text. */
export type TemplateOverrides = Partial<Record<Language, Partial<Record<TemplateKey, Template>>>>;

/** Every problem of a set of edits, keyed `{language}.{key}.{subject|body}`. */
export function templateOverrideProblems(
  overrides: TemplateOverrides,
  shipped: TemplateTable = TEMPLATES,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const language of LANGUAGES) {
    for (const [key, template] of Object.entries(overrides[language] ?? {}) as [TemplateKey, Template][]) {
      if (isCustomerKey(key) && !CUSTOMER_KINDS.includes(kindOfKey(key)))
        problems[`${language}.${key}.body`] = 'this kind of notification is not sent to customers';
      // English is what every other language falls back to: a message must exist in English first.
      else if (language !== 'en' && !shipped.en[key] && !overrides.en?.[key])
        problems[`${language}.${key}.body`] = 'write the English text first: other languages fall back to it';
      for (const [field, why] of Object.entries(templateProblems(key, template, language)))
        problems[`${language}.${key}.${field}`] = why;
    }
  }
  return problems;
}

/** The shipped templates with the edits laid over them. */
export function templatesWith(defaults: TemplateTable, overrides: TemplateOverrides | null | undefined): TemplateTable {
  const table = {} as TemplateTable;
  for (const language of LANGUAGES) {
    const merged = { ...defaults[language], ...(overrides?.[language] ?? {}) };
    // An emptied translation is "not translated": removed, so the message falls back to English and is listed.
    for (const [key, t] of Object.entries(merged) as [TemplateKey, Template][])
      if (language !== 'en' && !t.body.trim() && !t.subject.trim()) delete merged[key];
    table[language] = merged;
  }
  return table;
}

/** Sample values for a preview: what a real message of this kind might carry. */
export const SAMPLE_VARS: Record<string, string> = {
  name: 'Nimal Perera',
  account: '0012345678',
  caseId: 'C-20261203-0042',
  status: 'Negotiation',
  from: 'Assigned',
  to: 'Roshan Perera',
  task: 'Settlement approval',
  due: '2026-12-10',
  days: '14',
  since: '2026-11-19',
  importId: 'a1b2c3d4',
  registered: '118',
  rejected: '2',
  state: 'DONE',
  count: '5',
  summary: '- 3 promise due\n- 2 case assigned',
};

/** One template rendered with the sample values, as a reader would see it. */
export function preview(key: TemplateKey, language: Language, table: TemplateTable): { subject: string; body: string } {
  const { subject, body } = render(key, language, SAMPLE_VARS, table);
  return { subject, body };
}

/**
 * How many SMS parts a text takes: GSM-7 text fits 160 characters in one part (153 per part when split); anything
 * else (Sinhala, Tamil, most emoji) is UCS-2, 70 in one part and 67 per part. Operators charge per part.
 */
export function smsParts(text: string): { parts: number; encoding: 'GSM-7' | 'UCS-2'; length: number } {
  const gsm = /^[\n\r @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/.test(
    text,
  );
  // In GSM-7 these take two septets each (an escape and the character).
  // UCS-2 counts UTF-16 units: a character outside the basic plane (an emoji) takes two.
  const length = gsm ? [...text].reduce((n, c) => n + ('^{}\\[~]|€'.includes(c) ? 2 : 1), 0) : text.length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const parts = length === 0 ? 0 : length <= single ? 1 : Math.ceil(length / multi);
  return { parts, encoding: gsm ? 'GSM-7' : 'UCS-2', length };
}
