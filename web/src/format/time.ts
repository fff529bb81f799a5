import { currentLanguage, INTL_LOCALE, type Language } from '../i18n/locale';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'dateTime' | 'date', language: Language): Intl.DateTimeFormat {
  const key = `${kind}:${language}`;
  let format = formats.get(key);
  if (!format) {
    // Where the browser lacks the language's data, dates are numeric (2026-11-23) rather than in English words.
    const supported = Intl.DateTimeFormat.supportedLocalesOf([INTL_LOCALE[language]]).length > 0;
    format = new Intl.DateTimeFormat(
      supported ? INTL_LOCALE[language] : 'en-CA',
      kind === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: 'UTC' },
    );
    formats.set(key, format);
  }
  return format;
}

/** An ISO instant in the reader's time zone and language, e.g. `Nov 23, 2026, 3:30 PM`. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : formatter('dateTime', currentLanguage()).format(date);
}

/** A `YYYY-MM-DD` calendar date in the reader's language, e.g. `Nov 23, 2026` (no time zone shift). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : formatter('date', currentLanguage()).format(parsed);
}
