import { searchKeyFor, searchTermsFor } from '../../src/domain/model/case';
import { formatLkr, splitEvenly } from '../../src/domain/model/money';
import { addMonthsToDate, isCalendarDate } from '../../src/domain/model/time';

describe('money, dates and search keys', () => {
  it('splits an amount into instalments that add up exactly', () => {
    expect(splitEvenly(1000, 3)).toEqual([334, 333, 333]);
    expect(splitEvenly(7, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(() => splitEvenly(10, 0)).toThrow(RangeError);
  });

  it('formats LKR with separators and cents', () => {
    expect(formatLkr(1234567)).toBe('LKR 12,345.67');
    expect(formatLkr(-5)).toBe('-LKR 0.05');
  });

  it('keeps month-end due dates inside short months', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('23/11/2026')).toBe(false);
  });

  it('finds a customer by any usual way of typing the phone', () => {
    const terms = searchTermsFor('0041234567', { name: 'Nimal Perera', phone: '+94771234567' });
    for (const typed of [
      '+94 77 123 4567',
      '0771234567',
      '771234567',
      '94771234567',
      'Perera',
      ' NIMAL ',
      '0041234567',
    ]) {
      expect(terms).toContain(searchKeyFor(typed));
    }
  });
});
