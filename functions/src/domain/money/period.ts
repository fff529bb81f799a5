import { isCalendarDate, type CalendarDate, type Instant } from '../model/time';

/**
 * A period is a calendar month in Asia/Colombo (`YYYY-MM`): statements, targets and the rounding carry are
 * counted per DRC and period, and a payment made at 23:59 in Colombo on the last day of a month belongs to that
 * month even though it is already the next UTC day for part of the island's night. Colombo keeps UTC+05:30 all
 * year (no daylight saving), so a fixed offset is exact and needs no time-zone database.
 */
export type Period = string;

const COLOMBO_OFFSET_MS = (5 * 60 + 30) * 60_000;
const DAY_MS = 86_400_000;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): value is Period {
  return PERIOD.test(value);
}

function epochOf(instant: Instant): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return ms;
}

/** The calendar day in Colombo of an instant. */
export function colomboDayOf(instant: Instant): CalendarDate {
  return new Date(epochOf(instant) + COLOMBO_OFFSET_MS).toISOString().slice(0, 10);
}

export function periodOf(instant: Instant): Period {
  return colomboDayOf(instant).slice(0, 7);
}

/** The first instant of a Colombo calendar day, in UTC (the day before, 18:30). */
export function colomboDayStartUtc(day: CalendarDate): Instant {
  if (!isCalendarDate(day)) throw new RangeError(`not a calendar date: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - COLOMBO_OFFSET_MS).toISOString();
}

/** The period's instants: `startUtc` belongs to it, `endUtc` is the first instant of the next one. */
export function periodBounds(period: Period): { startUtc: Instant; endUtc: Instant } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`not a period YYYY-MM: ${period}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  return {
    startUtc: new Date(Date.UTC(year, month - 1, 1) - COLOMBO_OFFSET_MS).toISOString(),
    endUtc: new Date(Date.UTC(year, month, 1) - COLOMBO_OFFSET_MS).toISOString(),
  };
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  if (!isCalendarDate(from)) throw new RangeError(`not a calendar date: ${from}`);
  if (!isCalendarDate(to)) throw new RangeError(`not a calendar date: ${to}`);
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

export function addCalendarDays(day: CalendarDate, days: number): CalendarDate {
  if (!isCalendarDate(day)) throw new RangeError(`not a calendar date: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
