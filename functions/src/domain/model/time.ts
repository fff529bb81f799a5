/**
 * Instants are ISO-8601 UTC strings (`2026-11-23T10:00:00.000Z`) in the domain and in Firestore:
 * they sort as text, compare in indexed range queries, and cross JSON and callables unchanged.
 * Calendar dates (promise and instalment due dates) are `YYYY-MM-DD`.
 */
export type Instant = string;
export type CalendarDate = string;

const DAY_MS = 86_400_000;

export function addDays(instant: Instant, days: number): Instant {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}

export function addMonthsToDate(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function daysBetween(from: Instant, to: Instant): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export function dateOf(instant: Instant): CalendarDate {
  return instant.slice(0, 10);
}

/** Is `value` a real calendar date in YYYY-MM-DD form (not 2026-02-30)? */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
