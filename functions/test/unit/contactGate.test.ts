import {
  checkContact,
  contactPolicySchema,
  DEFAULT_CONTACT_POLICY,
  describeFinding,
  type ContactCheckInput,
} from '../../src/domain/notifications/compliance';
import { normalisePhone, parseOptKeyword } from '../../src/domain/notifications/optOut';
import { withIndicator, withoutIndicator } from '../../src/domain/cases/indicators';

/** The gate for a person's contact (RO calls, visits, SMS), the opt-out keywords and the one form of a number. */
const HOUR = 3_600_000;
// 10:30 in Colombo (UTC+05:30): inside the 08:00–20:00 contact window.
const NOW = '2026-11-23T05:00:00.000Z';
// 21:30 in Colombo: inside quiet hours.
const NIGHT = '2026-11-23T16:00:00.000Z';
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();
const PHONE = '+94771234567';
const ALT = '+94712223334';

function check(overrides: Partial<ContactCheckInput> = {}) {
  return checkContact({
    now: NOW,
    channel: 'phone',
    indicators: [],
    hold: null,
    numbers: [PHONE],
    optedOut: [],
    recent: [],
    ...overrides,
  });
}

describe('the gate on a contact a person makes', () => {
  it('allows a reachable customer in the daytime with no recent contact', () => {
    expect(check()).toEqual({ decision: 'allow', reasons: [], at: NOW });
  });

  it('blocks on each blocking indicator and on a hold, naming each cause', () => {
    for (const indicator of ['dispute', 'deceased', 'bankruptcy', 'do_not_contact']) {
      expect(check({ indicators: ['vip', indicator] })).toEqual({
        decision: 'block',
        reasons: [{ code: 'indicator', detail: indicator }],
        at: NOW,
      });
    }
    const held = check({ hold: { reason: 'deceased case C-9' }, indicators: ['dispute'] });
    expect(held.decision).toBe('block');
    expect(held.reasons.map((r) => r.code)).toEqual(['indicator', 'hold']);
  });

  it('ignores indicators the policy does not name as blocking', () => {
    const policy = { ...DEFAULT_CONTACT_POLICY, blockingIndicators: ['deceased'] };
    expect(check({ indicators: ['dispute'], policy }).decision).toBe('allow');
    expect(check({ indicators: ['deceased'], policy }).decision).toBe('block');
  });

  it('blocks calls and SMS to an opted-out customer, not a visit or a letter', () => {
    for (const channel of ['phone', 'sms']) {
      expect(check({ channel, optedOut: [PHONE] })).toMatchObject({
        decision: 'block',
        reasons: [{ code: 'opted_out', detail: PHONE }],
      });
    }
    for (const channel of ['visit', 'letter', 'email'])
      expect(check({ channel, optedOut: [PHONE] }).decision).toBe('allow');
  });

  it('warns, not blocks, when only one of the customer’s numbers opted out', () => {
    expect(check({ numbers: [PHONE, ALT], optedOut: [PHONE] })).toEqual({
      decision: 'warn',
      reasons: [{ code: 'partly_opted_out', detail: PHONE }],
      at: NOW,
    });
    expect(check({ numbers: [PHONE, ALT, PHONE], optedOut: [ALT, PHONE] }).decision).toBe('block');
  });

  it('warns outside the contact hours with the time contact is allowed again (08:00 Colombo)', () => {
    expect(check({ now: NIGHT })).toEqual({
      decision: 'warn',
      reasons: [{ code: 'quiet_hours', detail: '2026-11-24T02:30:00.000Z' }],
      at: NIGHT,
    });
  });

  it('warns at the daily cap, else at the weekly cap; both with the count', () => {
    expect(check({ recent: [ago(HOUR)] })).toMatchObject({
      decision: 'warn',
      reasons: [{ code: 'daily_cap', detail: '1' }],
    });
    expect(check({ recent: [ago(30 * HOUR), ago(50 * HOUR), ago(80 * HOUR)] })).toMatchObject({
      decision: 'warn',
      reasons: [{ code: 'weekly_cap', detail: '3' }],
    });
    // Older than a week: not counted.
    expect(check({ recent: [ago(8 * 24 * HOUR), ago(9 * 24 * HOUR), ago(10 * 24 * HOUR)] }).decision).toBe('allow');
  });

  it('a block outranks the warnings and lists only the blocking causes', () => {
    const out = check({ now: NIGHT, recent: [NIGHT], indicators: ['do_not_contact'] });
    expect(out).toEqual({ decision: 'block', reasons: [{ code: 'indicator', detail: 'do_not_contact' }], at: NIGHT });
  });

  it('several warnings are all given', () => {
    expect(check({ now: NIGHT, recent: [ago(HOUR)] }).reasons.map((r) => r.code)).toEqual(['quiet_hours', 'daily_cap']);
  });

  it('says each finding in words that name the cause', () => {
    expect(describeFinding({ code: 'indicator', detail: 'do_not_contact' })).toBe(
      'the case carries the do not contact indicator',
    );
    expect(describeFinding({ code: 'opted_out', detail: PHONE })).toContain(PHONE);
    expect(describeFinding({ code: 'daily_cap', detail: '2' })).toContain('the cap is 1');
  });
});

describe('STOP and START keywords', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['stop', 'opt_out'],
    ['  Stop \n', 'opt_out'],
    ['STOP.', 'opt_out'],
    ['StopAll', 'opt_out'],
    ['unsubscribe', 'opt_out'],
    ['CANCEL', 'opt_out'],
    ['end', 'opt_out'],
    ['Quit', 'opt_out'],
    ['START', 'opt_in'],
    ['unstop', 'opt_in'],
  ])('%j → %s', (body, expected) => expect(parseOptKeyword(body)).toBe(expected));

  it.each(['', 'STOP calling me', 'please stop', 'STOPP', 'yes', 'HELP', 'S T O P'])('%j asks for nothing', (body) =>
    expect(parseOptKeyword(body)).toBeNull(),
  );

  it('takes a missing body as nothing', () => {
    expect(parseOptKeyword(undefined)).toBeNull();
    expect(parseOptKeyword(null)).toBeNull();
  });
});

describe('phone numbers in one form (E.164)', () => {
  it.each([
    '+94771234567',
    '+94 77 123 4567',
    '0771234567',
    '077-123 4567',
    '(077) 123-4567',
    '94771234567',
    '771234567',
    '0094771234567',
  ])('%j is +94771234567', (raw) => expect(normalisePhone(raw)).toBe(PHONE));

  it('keeps another country’s international number', () => {
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
  });

  it.each(['', '   ', 'abc', '+94 77x1234567', '12345', '+1234567890123456', '0'])('%j is not a number', (raw) =>
    expect(normalisePhone(raw)).toBeNull(),
  );
});

describe('indicators only ever added once and removed explicitly', () => {
  it('adds once, keeps the others, removes only the one named', () => {
    expect(withIndicator(['fraud'], 'dispute')).toEqual(['fraud', 'dispute']);
    expect(withIndicator(['dispute'], 'dispute')).toEqual(['dispute']);
    expect(withoutIndicator(['fraud', 'dispute'], 'dispute')).toEqual(['fraud']);
  });
});

describe('the contact policy an administrator edits', () => {
  it('accepts the default policy', () => {
    expect(contactPolicySchema.safeParse(DEFAULT_CONTACT_POLICY).success).toBe(true);
  });

  it('refuses a weekly cap under the daily cap, a bad time, an unknown time zone', () => {
    const bad = (patch: object) => contactPolicySchema.safeParse({ ...DEFAULT_CONTACT_POLICY, ...patch });
    expect(bad({ maxPerDay: 4, maxPerWeek: 3 }).error?.issues[0]?.path).toEqual(['maxPerWeek']);
    expect(bad({ quietHours: { start: '25:00', end: '08:00' } }).success).toBe(false);
    expect(bad({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(bad({ maxPerDay: 0 }).success).toBe(false);
    expect(bad({ blockingIndicators: ['Do Not Contact'] }).success).toBe(false);
  });
});
