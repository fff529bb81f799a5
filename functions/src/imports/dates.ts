/**
 * Dates in an upload are accepted in the three forms people type or spreadsheets export here:
 * ISO `2026-03-05`, day first `05/03/2026` (Sri Lankan usage: never month first), and `05-Mar-2026`.
 * Each becomes a calendar date `YYYY-MM-DD`; impossible dates (31/02/2026) are refused, not rolled over.
 */
export const DATE_FORMATS_HINT = 'YYYY-MM-DD, DD/MM/YYYY or DD-Mon-YYYY (e.g. 2026-03-05, 05/03/2026, 05-Mar-2026)';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DMON = /^(\d{1,2})[- ]([A-Za-z]{3,9})[- ](\d{4})$/;

export function parseDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = ISO.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = DMY.exec(t))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = DMON.exec(t))) {
    const name = match[2]!.toLowerCase();
    const index = MONTHS.findIndex((mon) => name === mon || (name.length > 3 && fullMonth(mon) === name));
    if (index === -1) return null;
    [d, m, y] = [Number(match[1]), index + 1, Number(match[3])];
  } else return null;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > lastDay) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fullMonth(mon: string): string {
  return {
    jan: 'january',
    feb: 'february',
    mar: 'march',
    apr: 'april',
    may: 'may',
    jun: 'june',
    jul: 'july',
    aug: 'august',
    sep: 'september',
    oct: 'october',
    nov: 'november',
    dec: 'december',
  }[mon]!;
}
