import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { describeOutcome } from '../../src/domain/lifecycle/describe';

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
