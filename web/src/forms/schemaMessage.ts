import { t, type MessageKey } from '../i18n/t';

/**
 * The contracts' zod messages are English, because API clients read them too. A form shows them in the reader's
 * language: each shape the contracts use is matched here and worded by the catalogue; anything unmatched stays
 * as the server wrote it, which is still a specific, correct message.
 */
const PATTERNS: { re: RegExp; key: MessageKey; vars?: (m: RegExpMatchArray) => Record<string, string> }[] = [
  { re: /^is required$/, key: 'form.required' },
  { re: /^must be an email address$/, key: 'form.badEmailField' },
  { re: /^must be at most (\d+) characters$/, key: 'form.maxChars', vars: (m) => ({ n: m[1] ?? '' }) },
  { re: /^must be at least (\d+) characters$/, key: 'form.minChars', vars: (m) => ({ n: m[1] ?? '' }) },
  { re: /^must be at most (\d+)$/, key: 'form.atMost', vars: (m) => ({ n: m[1] ?? '' }) },
  { re: /^must be at least (\d+)$/, key: 'form.atLeast', vars: (m) => ({ n: m[1] ?? '' }) },
  { re: /^must be a whole number$/, key: 'form.badWholeNumber' },
  { re: /^must be HH:MM \(24-hour\)$/, key: 'form.badTime' },
  { re: /^is not a date \(YYYY-MM-DD\)$/, key: 'form.badDate' },
  {
    re: /^must be an international number, like (\+\d+)$/,
    key: 'form.badPhone',
    vars: (m) => ({ example: m[1] ?? '' }),
  },
  { re: /^must be one of (.+)$/, key: 'form.oneOf', vars: (m) => ({ list: m[1] ?? '' }) },
];

export function schemaMessage(message: string): string {
  for (const { re, key, vars } of PATTERNS) {
    const match = re.exec(message);
    if (match) return t(key, vars?.(match));
  }
  return message;
}

/** The same errors tree with every `message` worded for the reader (react-hook-form's FieldErrors shape). */
export function translateErrors<E>(errors: E): E {
  if (Array.isArray(errors)) return errors.map((e: unknown) => translateErrors(e)) as E;
  if (!errors || typeof errors !== 'object') return errors;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(errors)) {
    // `ref` is the input element itself: copied as it is.
    if (key === 'ref') out[key] = value;
    else if (key === 'message' && typeof value === 'string') out[key] = schemaMessage(value);
    else out[key] = translateErrors(value);
  }
  return out as E;
}
