import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { describeOutcome, timelineValues } from '../../src/domain/lifecycle/describe';
import { ALGORITHMS } from '../../src/domain/lifecycle/algorithms';

describe('timeline lines', () => {
  it('uses the configuration’s labels and the key figures', () => {
    expect(
      describeOutcome(debtxTelco, { action: 'recordPayment', result: 'received' }, { amountCents: 1234500 }, [
        { from: 'SETTLEMENT', to: 'CLOSED_RECOVERED', mode: 'system' },
      ]),
    ).toBe('Record a payment: Payment received · LKR 12,345.00 · Settlement → Closed: recovered');
  });

  it('describes a manual move with its reason', () => {
    expect(describeOutcome(debtxTelco, { manualTo: 'WRITTEN_OFF' }, { reason: 'Deceased' }, [])).toBe(
      'Moved to Written off · Deceased',
    );
  });
});

describe('field-work timeline lines', () => {
  it('name the reversed payment, the extension days and the hearing date', () => {
    const cfg = debtxTelco;
    expect(
      describeOutcome(
        cfg,
        { action: 'reversePayment', result: 'reversed' },
        { reference: 'CHQ-1', reason: 'Bounced' },
        [],
      ),
    ).toBe('Reverse a payment: Payment reversed · payment CHQ-1 · Bounced');
    expect(
      describeOutcome(cfg, { action: 'roRequest', result: 'validity_extension' }, { days: 14, reason: 'Abroad' }, []),
    ).toBe('Request from the recovery section: Extend the validity period · 14 days · Abroad');
    expect(
      describeOutcome(cfg, { action: 'scheduleHearing', result: 'scheduled' }, { hearingDate: '2026-12-10' }, []),
    ).toBe('Schedule the board hearing: Hearing scheduled · hearing on 2026-12-10');
  });
});

describe('timeline codes and values (the web writes the line in the reader’s language)', () => {
  it('returns the values a line names, scalars only, and nothing else of the inputs', () => {
    expect(
      timelineValues({
        amountCents: 500,
        agreedCents: 900,
        instalments: 3,
        reference: 'P-1',
        days: 10,
        hearingDate: '2026-12-20',
        reason: 'moved',
        notes: 'ok',
        taskId: 't1',
        roId: 'ro9',
        photo: { path: 'x' },
      }),
    ).toEqual({
      amountCents: 500,
      agreedCents: 900,
      instalments: 3,
      reference: 'P-1',
      days: 10,
      hearingDate: '2026-12-20',
      reason: 'moved',
      notes: 'ok',
      taskId: 't1',
    });
    expect(timelineValues(undefined)).toEqual({});
  });

  it('a monitor’s to-do keeps its translations, its label without the detail, and the detail as values', () => {
    const c = {
      settlement: { instalments: [{ seq: 2, dueDate: '2026-12-10', amountCents: 100, paidCents: 0 }] },
      firedHooks: [],
    } as unknown as Parameters<NonNullable<(typeof ALGORITHMS)['instalmentOverdue']['run']>>[0];
    const todo = {
      type: 'instalment_overdue',
      label: 'Instalment overdue: contact the customer',
      labels: { si: 'වාරිකය කල් ඉකුත් වී ඇත', ta: 'தவணை தாமதமாகியுள்ளது' },
    };
    const out = ALGORITHMS.instalmentOverdue!.run!(
      c,
      { graceDays: 3, todo },
      { now: '2026-12-20T00:00:00.000Z', key: 'k' },
    );
    expect(out?.tasks).toEqual([
      {
        ...todo,
        label: 'Instalment overdue: contact the customer (instalment 2 due 2026-12-10)',
        baseLabel: 'Instalment overdue: contact the customer',
        detail: { kind: 'instalment', seq: 2, date: '2026-12-10' },
      },
    ]);
  });
});
