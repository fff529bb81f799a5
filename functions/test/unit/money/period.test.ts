import fc from 'fast-check';
import {
  addCalendarDays,
  calendarDaysBetween,
  colomboDayOf,
  colomboDayStartUtc,
  isPeriod,
  periodBounds,
  periodOf,
} from '../../../src/domain/money/period';

/** Periods are Colombo months: Colombo is UTC+05:30, so a month starts at 18:30 UTC on the day before. */
describe('periods in Asia/Colombo', () => {
  it('puts the last millisecond before Colombo midnight in the old month and midnight in the new one', () => {
    expect(periodOf('2026-10-31T18:29:59.999Z')).toBe('2026-10');
    expect(periodOf('2026-10-31T18:30:00.000Z')).toBe('2026-11');
    // Still 31 October in UTC, already November in Colombo.
    expect(periodOf('2026-10-31T23:00:00.000Z')).toBe('2026-11');
  });

  it('keeps the end of the year in the right year', () => {
    expect(periodOf('2026-12-31T18:29:59.999Z')).toBe('2026-12');
    expect(periodOf('2026-12-31T18:30:00.000Z')).toBe('2027-01');
  });

  it('gives a start that belongs to the period and an end that belongs to the next', () => {
    expect(periodBounds('2026-11')).toEqual({
      startUtc: '2026-10-31T18:30:00.000Z',
      endUtc: '2026-11-30T18:30:00.000Z',
    });
    expect(periodBounds('2026-12').endUtc).toBe('2026-12-31T18:30:00.000Z');
    expect(periodBounds('2027-01').startUtc).toBe('2026-12-31T18:30:00.000Z');
    // February of a leap year has 29 Colombo days.
    expect(periodBounds('2028-02')).toEqual({
      startUtc: '2028-01-31T18:30:00.000Z',
      endUtc: '2028-02-29T18:30:00.000Z',
    });
  });

  it('refuses what is not a period or an instant', () => {
    expect(isPeriod('2026-11')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-1')).toBe(false);
    expect(() => periodBounds('2026-00')).toThrow(RangeError);
    expect(() => periodOf('yesterday')).toThrow(RangeError);
  });

  it('places every instant between its period bounds (start inclusive, end exclusive)', () => {
    const instants = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instants, (instant) => {
        const { startUtc, endUtc } = periodBounds(periodOf(instant));
        expect(startUtc <= instant).toBe(true);
        expect(instant < endUtc).toBe(true);
        expect(periodOf(startUtc)).toBe(periodOf(instant));
        expect(periodOf(new Date(Date.parse(startUtc) - 1).toISOString())).not.toBe(periodOf(instant));
      }),
    );
  });

  it('counts Colombo calendar days', () => {
    expect(colomboDayOf('2026-11-10T18:29:59.999Z')).toBe('2026-11-10');
    expect(colomboDayOf('2026-11-10T18:30:00.000Z')).toBe('2026-11-11');
    expect(colomboDayStartUtc('2026-11-11')).toBe('2026-11-10T18:30:00.000Z');
    expect(calendarDaysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(calendarDaysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
