import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { apiCase, call, putCases } from '../support/apiCases';
import { seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';

/**
 * The mobile API's writes: each becomes a request document that the real trigger applies;
 * bad input, a stale revision (offline conflict), a closed or unknown case are refused at once and write nothing.
 */
const today = new Date().toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    apiCase('W1', 'NEGOTIATION'),
    apiCase('W2', 'NEGOTIATION'),
    apiCase('W3', 'NEGOTIATION'),
    apiCase('CL', 'CLOSED_RECOVERED', { closedAt: '2026-11-01T00:00:00.000Z' }),
    apiCase('OT', 'NEGOTIATION', { drcId: 'drc2', roId: 'demo-ro3' }),
  ]);
});
afterAll(cleanupTriggers);

const requestCount = async () => (await firestore().collection(COL.requests).get()).size;
const rev = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).get('rev') as number;

const contact = (over: Record<string, unknown> = {}) => ({
  caseId: 'W1',
  expectedRev: 3,
  clientRequestId: randomUUID(),
  result: 'call_back',
  channel: 'phone',
  ...over,
});

describe('recording a contact', () => {
  it('writes a request the life cycle applies; replaying it returns the same request and applies nothing twice', async () => {
    const body = contact({ notes: 'asked to call on Monday', nextFollowUpOn: tomorrow });
    const out = await call('recordContact', 'ro1', body);
    expect(out).toMatchObject({ state: 'PENDING', caseRev: 3, error: null });
    await deliverRequestCreated(out.requestId);
    const status = await call('getRequestStatus', 'ro1', { requestId: out.requestId });
    expect(status).toMatchObject({ state: 'APPLIED', caseId: 'W1' });
    expect(await rev('W1')).toBe(4);
    const c = (await firestore().collection(COL.cases).doc('W1').get()).data()!;
    expect(c.lastContact).toMatchObject({ channel: 'phone', outcome: 'call_back', by: 'demo-ro1' });

    // The offline queue replays after a lost answer: same id, same (now stale) revision.
    const before = await requestCount();
    const replay = await call('recordContact', 'ro1', body);
    expect(replay).toMatchObject({ requestId: out.requestId, state: 'APPLIED' });
    expect(await requestCount()).toBe(before);
    expect(await rev('W1')).toBe(4);
  });

  it('refuses a stale revision as a conflict, with the case’s current state, writing nothing', async () => {
    const before = await requestCount();
    await expect(call('recordContact', 'ro1', contact({ expectedRev: 3 }))).rejects.toMatchObject({
      code: 'aborted',
      details: { reason: 'conflict', currentRev: 4, status: 'NEGOTIATION' },
    });
    expect(await requestCount()).toBe(before);
  });

  it('lets the trigger reject a conflict the API could not see (the case moved between the check and the apply)', async () => {
    const out = await call('recordContact', 'ro1', contact({ caseId: 'W2' }));
    const other = await call('recordContact', 'ro1', contact({ caseId: 'W2', result: 'refused' }));
    await deliverRequestCreated(out.requestId);
    await deliverRequestCreated(other.requestId);
    const second = await call('getRequestStatus', 'ro1', { requestId: other.requestId });
    expect(second.state).toBe('REJECTED');
    expect(second.error.code).toBe('conflict');
    expect(second.error.message).toContain('changed after you opened it');
  });

  it('requires the promise or settlement fields its result needs', async () => {
    await expect(call('recordContact', 'ro1', contact({ result: 'promised' }))).rejects.toMatchObject({
      code: 'invalid-argument',
      details: {
        fields: {
          promiseAmountCents: 'is required when the result is promised',
          promiseDate: 'is required when the result is promised',
        },
      },
    });
    await expect(
      call('recordContact', 'ro1', contact({ result: 'settlement_agreed', agreedCents: 1000 })),
    ).rejects.toMatchObject({
      details: { fields: { instalments: expect.any(String), firstDueDate: expect.any(String) } },
    });
  });

  it.each([
    ['a missing field', { channel: undefined }, 'channel'],
    ['a wrong type', { expectedRev: '3' }, 'expectedRev'],
    ['a negative revision', { expectedRev: -1 }, 'expectedRev'],
    ['an unknown result', { result: 'paid_in_gold' }, 'result'],
    ['a follow-up date in the past', { nextFollowUpOn: yesterday }, 'nextFollowUpOn'],
    ['an impossible date', { nextFollowUpOn: '2026-02-30' }, 'nextFollowUpOn'],
    [
      'a negative promise',
      { result: 'promised', promiseAmountCents: -500, promiseDate: tomorrow },
      'promiseAmountCents',
    ],
    [
      'an absurd promise',
      { result: 'promised', promiseAmountCents: 1e15, promiseDate: tomorrow },
      'promiseAmountCents',
    ],
    [
      'a fractional amount',
      { result: 'promised', promiseAmountCents: 10.5, promiseDate: tomorrow },
      'promiseAmountCents',
    ],
    ['a bad request id', { clientRequestId: 'x' }, 'clientRequestId'],
    ['an unknown field', { colour: 'red' }, '(request)'],
  ])('refuses %s, writing nothing', async (_what, over, field) => {
    const before = await requestCount();
    const error = await call('recordContact', 'ro1', contact(over)).catch((e: { code: string; details: unknown }) => e);
    expect(error).toMatchObject({ code: 'invalid-argument' });
    const fields = (error as { details: { fields: Record<string, string> } }).details.fields;
    expect(fields).toHaveProperty([field]);
    expect(await requestCount()).toBe(before);
  });

  it('refuses a closed case, an unknown case and another RO’s case', async () => {
    await expect(call('recordContact', 'ro1', contact({ caseId: 'CL' }))).rejects.toMatchObject({
      code: 'failed-precondition',
      details: { reason: 'closed' },
    });
    await expect(call('recordContact', 'ro1', contact({ caseId: 'NOPE' }))).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(call('recordContact', 'ro1', contact({ caseId: 'OT' }))).rejects.toMatchObject({
      code: 'not-found',
    });
    // A DRC admin may read but not record contacts.
    await expect(call('recordContact', 'drc1', contact())).rejects.toMatchObject({ code: 'permission-denied' });
  });
});

describe('payments', () => {
  const payment = (over: Record<string, unknown> = {}) => ({
    caseId: 'W3',
    expectedRev: 3,
    clientRequestId: randomUUID(),
    amountCents: 10_000,
    paidOn: today,
    method: 'cash',
    reference: `R-${randomUUID().slice(0, 8)}`,
    ...over,
  });

  it.each([
    ['a payment dated in the future', { paidOn: tomorrow }, 'paidOn', 'cannot be in the future'],
    ['a negative amount', { amountCents: -1 }, 'amountCents', 'must be more than zero'],
    ['a zero amount', { amountCents: 0 }, 'amountCents', 'must be more than zero'],
    ['an absurd amount', { amountCents: 1e14 }, 'amountCents', 'is larger than any plausible amount'],
    ['an amount as text', { amountCents: '100' }, 'amountCents', 'must be an amount in cents'],
    ['an unknown method', { method: 'barter' }, 'method', 'must be one of cash, cheque, bank_transfer, card, online'],
    ['a missing reference', { reference: undefined }, 'reference', 'is required'],
  ])('refuses %s', async (_what, over, field, reason) => {
    await expect(call('recordPayment', 'ro1', payment(over))).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { fields: { [field]: reason } },
    });
  });

  it('records a payment through the life cycle, which still refuses more than is due', async () => {
    const ok = await call('recordPayment', 'ro1', payment());
    await deliverRequestCreated(ok.requestId);
    expect((await call('getRequestStatus', 'ro1', { requestId: ok.requestId })).state).toBe('APPLIED');
    const over = await call('recordPayment', 'ro1', payment({ expectedRev: 4, amountCents: 99_999_999_99 }));
    await deliverRequestCreated(over.requestId);
    const status = await call('getRequestStatus', 'ro1', { requestId: over.requestId });
    expect(status).toMatchObject({ state: 'REJECTED', error: { code: 'overpayment' } });
  });
});

describe('CPE, mediation board and customer contacts', () => {
  it('records a CPE collection for the trigger to apply', async () => {
    const c = (await firestore().collection(COL.cases).doc('W3').get()).data()!;
    const item = c.cpe[0].itemId as string;
    const out = await call('recordCpeCollection', 'ro1', {
      caseId: 'W3',
      expectedRev: c.rev,
      clientRequestId: randomUUID(),
      itemId: item,
      condition: 'good, with power adapter',
    });
    await deliverRequestCreated(out.requestId);
    expect((await call('getRequestStatus', 'ro1', { requestId: out.requestId })).state).toBe('APPLIED');
    const details = await call('roCpeCollection', 'ro1', { caseId: 'W3' });
    expect(details.items[0].items.find((i: { itemId: string }) => i.itemId === item).status).toBe('collected');
    await expect(
      call('recordCpeCollection', 'ro1', {
        caseId: 'W3',
        expectedRev: c.rev + 1,
        clientRequestId: randomUUID(),
        itemId: item,
        condition: '',
      }),
    ).rejects.toMatchObject({ details: { fields: { condition: 'is required' } } });
  });

  it('submits a case to the mediation board', async () => {
    const r = await rev('W1');
    await expect(
      call('submitMediationBoard', 'ro1', {
        caseId: 'W1',
        expectedRev: r,
        clientRequestId: randomUUID(),
        submission: { kind: 'hearing' },
      }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    const out = await call('submitMediationBoard', 'ro1', {
      caseId: 'W1',
      expectedRev: r,
      clientRequestId: randomUUID(),
      submission: { kind: 'escalate', notes: 'Customer refuses every offer' },
    });
    await deliverRequestCreated(out.requestId);
    expect((await call('getRequestStatus', 'ro1', { requestId: out.requestId })).state).toBe('APPLIED');
    expect((await call('caseDetailsForDrc', 'drc1', { caseId: 'W1' })).status).toBe('MEDIATION_BOARD');
  });

  it('requests the board letter, which shows as the RO’s open request and moves the board phase', async () => {
    const out = await call('submitMediationBoard', 'ro1', {
      caseId: 'W1',
      expectedRev: await rev('W1'),
      clientRequestId: randomUUID(),
      submission: { kind: 'requestLetter', reason: 'Hearing needed to move the customer' },
    });
    await deliverRequestCreated(out.requestId);
    expect((await call('getRequestStatus', 'ro1', { requestId: out.requestId })).state).toBe('APPLIED');
    const board = await call('listMediationBoardCases', 'ro1', { phase: 'letter_requested' });
    expect(board.items.map((c: { id: string }) => c.id)).toContain('W1');
    const open = await call('listActiveRoRequests', 'ro1', {});
    expect(open.items.find((q: { caseId: string }) => q.caseId === 'W1')).toMatchObject({
      kind: 'board_letter',
      state: 'pending',
      reason: 'Hearing needed to move the customer',
    });
    // A second letter request while the first waits is refused by the life cycle, with its reason.
    const again = await call('submitMediationBoard', 'ro1', {
      caseId: 'W1',
      expectedRev: await rev('W1'),
      clientRequestId: randomUUID(),
      submission: { kind: 'requestLetter', reason: 'again' },
    });
    await deliverRequestCreated(again.requestId);
    const status = await call('getRequestStatus', 'ro1', { requestId: again.requestId });
    expect(status.state).toBe('REJECTED');
    expect(status.error.message).toMatch(/still waiting for a decision/);
  });

  it('refuses a customer response before any hearing, with the life cycle’s reason', async () => {
    await expect(
      call('submitMediationBoard', 'ro1', {
        caseId: 'W1',
        expectedRev: await rev('W1'),
        clientRequestId: randomUUID(),
        submission: { kind: 'customerResponse', response: 'maybe' },
      }),
    ).rejects.toMatchObject({
      details: { fields: { 'submission.response': expect.stringMatching(/must be one of/) } },
    });
    const out = await call('submitMediationBoard', 'ro1', {
      caseId: 'W1',
      expectedRev: await rev('W1'),
      clientRequestId: randomUUID(),
      submission: { kind: 'customerResponse', response: 'absent' },
    });
    await deliverRequestCreated(out.requestId);
    const status = await call('getRequestStatus', 'ro1', { requestId: out.requestId });
    expect(status.state).toBe('REJECTED');
    expect(status.error.message).toMatch(/No hearing is scheduled/);
  });

  it('writes an updateContacts action with only the given fields and a reason, and needs at least one', async () => {
    const r = await rev('W2');
    const base = { caseId: 'W2', expectedRev: r, clientRequestId: randomUUID() };
    await expect(call('updateCustomerContacts', 'ro1', { ...base, reason: 'moved' })).rejects.toMatchObject({
      details: { fields: { phone: 'give at least one of phone, altPhone, email, address, city' } },
    });
    await expect(
      call('updateCustomerContacts', 'ro1', { ...base, email: 'not-an-email', reason: 'x' }),
    ).rejects.toMatchObject({ details: { fields: { email: 'is not a valid email address' } } });
    await expect(call('updateCustomerContacts', 'ro1', { ...base, phone: '0771234567' })).rejects.toMatchObject({
      details: { fields: { reason: 'is required' } },
    });
    const out = await call('updateCustomerContacts', 'drc1', {
      ...base,
      phone: '+94 77 123 4567',
      email: null,
      reason: 'Customer gave a new number at the visit',
    });
    const doc = (await firestore().collection(COL.requests).doc(out.requestId).get()).data()!;
    expect(doc).toMatchObject({
      type: 'caseAction',
      caseId: 'W2',
      createdBy: 'demo-drc1',
      state: 'PENDING',
      payload: {
        action: 'updateContacts',
        result: 'updated',
        inputs: { phone: '+94 77 123 4567', reason: 'Customer gave a new number at the visit' },
        expectedRev: r,
      },
    });
    expect(doc.payload.inputs).not.toHaveProperty('email');
    await deliverRequestCreated(out.requestId);
    expect((await call('getRequestStatus', 'drc1', { requestId: out.requestId })).state).toBe('APPLIED');
    const after = (await firestore().collection(COL.cases).doc('W2').get()).data()!;
    expect(after.customer.phone).toBe('+94 77 123 4567');
    expect(after.contactHistory.at(-1)).toMatchObject({
      field: 'phone',
      to: '+94 77 123 4567',
      reason: 'Customer gave a new number at the visit',
      by: 'demo-drc1',
    });
  });

  it('shows a caller only their own requests', async () => {
    const out = await call('updateCustomerContacts', 'ro1', {
      caseId: 'W2',
      expectedRev: await rev('W2'),
      clientRequestId: randomUUID(),
      address: '12 Temple Road, Kandy',
      reason: 'Moved house',
    });
    await expect(call('getRequestStatus', 'ro2', { requestId: out.requestId })).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });
});
