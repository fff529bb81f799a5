/**
 * The languages DebtX speaks: English, Sinhala and Tamil, those of its users and customers in Sri Lanka. The one
 * list the server (templates, preferences, source records) and the web client (language switcher, forms) share,
 * so a fourth language is added here once.
 */
export const LANGUAGES = ['en', 'si', 'ta'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, so a reader finds theirs whatever language is showing. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', si: 'සිංහල', ta: 'தமிழ்' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
