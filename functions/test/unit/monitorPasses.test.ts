import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { runMonitors } from '../../src/domain/lifecycle/engine';
import { runMonitorsSettled } from '../../src/domain/lifecycle/monitorPasses';
import { demoCaseInStatus } from '../support/caseFactory';

const NOW = '2026-11-24T00:00:00.000Z';

/** A settlement whose second instalment is two months overdue, with the RO's validity period long expired. */
function brokenSettlementExpiredValidity() {
  const base = demoCaseInStatus(debtxTelco, 'SETTLEMENT', {}, 'arrears');
  return {
    ...base,
    statusSince: '2026-08-16T00:00:00.000Z',
    settlement: {
      agreedCents: 40_000_00,
      discountCents: 0,
      instalments: [
        { seq: 1, dueDate: '2026-08-23', amountCents: 20_000_00, paidCents: 20_000_00 },
        { seq: 2, dueDate: '2026-09-23', amountCents: 20_000_00, paidCents: 0 },
      ],
      agreedAt: '2026-08-16T00:00:00.000Z',
      agreedBy: 'tester',
    },
    paidCents: 20_000_00,
    arrearsCents: 40_000_00,
    assignment: { ...base.assignment, validUntil: '2026-10-08T00:00:00.000Z' },
  };
}

describe('monitor passes', () => {
  it('one pass alone leaves the new status’s due monitors for tomorrow (the gap this closes)', () => {
    const once = runMonitors(debtxTelco, brokenSettlementExpiredValidity(), NOW);
    if (!once.ok) throw new Error(once.message);
    expect(once.case.status).toBe('NEGOTIATION');
    expect(once.case.roId).toBe('tester');
    expect(once.case.nextMonitorAt! <= NOW).toBe(true);
  });

  it('walks the case through every status whose monitors are due, as one change', () => {
    const c = brokenSettlementExpiredValidity();
    const settled = runMonitorsSettled(debtxTelco, c, NOW);
    if (!settled.ok) throw new Error(settled.message);
    expect(settled.case.status).toBe('OPEN');
    expect([settled.case.roId, settled.case.drcId]).toEqual([null, null]);
    expect(settled.transitions.map((t) => `${t.from}→${t.to}`)).toEqual([
      'SETTLEMENT→NEGOTIATION',
      'NEGOTIATION→DRC_ASSIGNED',
      'DRC_ASSIGNED→OPEN',
    ]);
    expect(settled.reasons).toEqual([expect.stringMatching(/^Validity ended on 2026-10-08 without an extension/)]);
    expect(settled.case.rev).toBe(c.rev + 1);
    expect(settled.case.nextMonitorAt === null || settled.case.nextMonitorAt > NOW).toBe(true);
  });

  it('a case with nothing due is not moved and gets no to-do', () => {
    const c = demoCaseInStatus(debtxTelco, 'NEGOTIATION', { statusSince: '2026-11-23T00:00:00.000Z' }, 'arrears');
    const r = runMonitorsSettled(debtxTelco, c, '2026-11-23T06:00:00.000Z');
    if (!r.ok) throw new Error(r.message);
    expect(r.transitions).toEqual([]);
    expect(r.tasksRaised).toEqual([]);
    expect(r.case.status).toBe('NEGOTIATION');
  });
});
