/**
 * A feature folder's texts: English is the reference, and Sinhala and Tamil may only use its keys (a typo does not
 * compile; a missing translation shows in English and the catalogue test names it). i18n/en.ts, si.ts and ta.ts
 * merge every folder's, so `MessageKey` still covers every key the app may show.
 */
export function defineMessages<const E extends Record<string, string>>(messages: {
  en: E;
  si: Partial<Record<keyof E, string>>;
  ta: Partial<Record<keyof E, string>>;
}) {
  return messages;
}
