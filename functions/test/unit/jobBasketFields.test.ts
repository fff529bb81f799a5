import { basketFieldsOf, storedBasketFields, tabsFor } from '../../src/domain/jobBasket/basket';
import type { CaseState } from '../../src/domain/model/case';

type Input = Parameters<typeof basketFieldsOf>[0];
const base: Input = {
  status: 'NEGOTIATION',
  closedAt: null,
  requiredAction: 'arrears_cpe',
  cpe: [],
  tasks: [],
  promises: [],
  roId: 'ro',
  lastContact: null,
  nextFollowUpOn: '2026-12-01',
};
const promise = (status: 'open' | 'kept' | 'broken', dueDate: string) =>
  ({ id: dueDate, amountCents: 1, dueDate, madeAt: '', paidAtMadeCents: 0, status, decidedAt: null }) as const;

it('derives tab and counter memberships from the case', () => {
  const f = basketFieldsOf({
    ...base,
    promises: [promise('open', '2026-12-09'), promise('open', '2026-12-03'), promise('kept', '2026-11-01')],
    tasks: [{ id: 't', type: 'x', label: 'x', status: 'open', raisedAt: '', dueAt: null, doneAt: null }],
    cpe: [{ itemId: 'i', kind: 'router', serialNumber: 's', status: 'collected', collectedAt: null, condition: null }],
  });
  expect(f).toEqual({
    active: true,
    negotiation: true,
    mediation: false,
    cpe: true,
    requests: true,
    approvals: true,
    decisions: false,
    closed: false,
    promiseDueOn: '2026-12-03',
    promiseKept: true,
    promiseBroken: false,
    escalated: false,
    notFollowedUp: true,
    followUpOn: '2026-12-01',
  });
});

it('a closed case leaves every work queue and due counter', () => {
  const f = basketFieldsOf({ ...base, status: 'CLOSED_RECOVERED', closedAt: '2026-11-01T00:00:00.000Z' });
  expect(f).toMatchObject({ active: false, negotiation: false, closed: true, followUpOn: null, notFollowedUp: false });
});

it('stores the fields as top-level basket… fields (the offline emulator cannot filter nested paths)', () => {
  const stored = storedBasketFields(base as CaseState);
  expect(Object.keys(stored).every((k) => /^basket[A-Z]/.test(k))).toBe(true);
  expect(stored.basketPromiseDueOn).toBeNull();
});

it('opens each role on its own queue', () => {
  expect(tabsFor('ro')[0]).toBe('active');
  expect(tabsFor('rcmp')[0]).toBe('approvals');
  expect(tabsFor('mediation_board')).toEqual(['mediation', 'all']);
});

it("puts a case on the checkers' queue while a settlement proposal or an RO request waits, and only then", () => {
  const approval = (state: 'pending' | 'approved') =>
    ({ id: 'a', kind: 'settlement_discount', state, makerUid: 'ro', madeAt: '', details: {} }) as never;
  const request = (state: 'pending' | 'rejected') =>
    ({ id: 'r', kind: 'validity_extension', state, reason: 'abroad', days: 14, madeBy: 'ro', madeAt: '' }) as never;
  expect(basketFieldsOf({ ...base, approvals: [approval('pending')] }).decisions).toBe(true);
  expect(basketFieldsOf({ ...base, roRequests: [request('pending')] }).decisions).toBe(true);
  expect(
    basketFieldsOf({ ...base, approvals: [approval('approved')], roRequests: [request('rejected')] }).decisions,
  ).toBe(false);
  const closed = { ...base, status: 'CLOSED_RECOVERED', closedAt: '2026-11-01T00:00:00.000Z' };
  expect(basketFieldsOf({ ...closed, approvals: [approval('pending')] }).decisions).toBe(false);
  expect(tabsFor('supervisor')).toContain('decisions');
  expect(tabsFor('ro')).not.toContain('decisions');
});
