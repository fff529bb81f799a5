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
