import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { verifyChain, type AuditEvent } from '../../src/domain/audit/chain';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverCaseCreated, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const listCasesHandler = handlerOf('listCases');
const getCaseHandler = handlerOf('getCase');
const getRequestHandler = handlerOf('getRequest');
const submitRequestHandler = handlerOf('submitRequest');

/** Submits a request as a user would (callable), then delivers the trigger event, and returns the request's fate. */
async function submit(user: string, body: { type: string; caseId?: string; payload: Record<string, unknown> }) {
  const { requestId } = await submitRequestHandler(asUser(user, { ...body, clientRequestId: randomUUID() }));
  await deliverRequestCreated(requestId);
  return getRequestHandler(asUser(user, { requestId }));
}

const today = new Date().toISOString().slice(0, 10);

beforeAll(seedOrganisation);
afterAll(cleanupTriggers);

describe('one case end to end through requests and triggers', () => {
  const account = '0041234567';
  let caseId = '';

  it('registers a case from an officer request, placing it with a DRC', async () => {
    const registered = await submit('officer', {
      type: 'registerCase',
      payload: { accountNumber: account, requiredAction: 'arrears' },
    });
    expect(registered).toMatchObject({ state: 'APPLIED', error: null });
    caseId = registered.caseId!;
    await deliverCaseCreated(caseId);
    const detail = await getCaseHandler(asUser('officer', { caseId }));
    expect(detail.case.status).toBe('DRC_ASSIGNED');
    expect(detail.case.drcId).toMatch(/^drc[123]$/);
    expect(detail.case.assignment.drcReason).toContain('eligible');
    expect(detail.case.products.length).toBeGreaterThan(0);
    expect(detail.case.arrearsCents).toBe(detail.case.products.reduce((s, p) => s + p.arrearsCents, 0));
  });

  it('refuses a second open case for the same account and action, changing nothing', async () => {
    const before = await firestore().collection(COL.cases).where('accountNumber', '==', account).get();
    const dup = await submit('officer', {
      type: 'registerCase',
      payload: { accountNumber: account, requiredAction: 'arrears' },
    });
    expect(dup.state).toBe('REJECTED');
    expect(dup.error?.code).toBe('duplicate-case');
    expect(dup.error?.message).toContain(caseId);
    const after = await firestore().collection(COL.cases).where('accountNumber', '==', account).get();
    expect(after.size).toBe(before.size);
  });

  it('lets the DRC admin assign it to one of their ROs, and only their ROs', async () => {
    const c = (await getCaseHandler(asUser('officer', { caseId }))).case;
    const drcAdmin = c.drcId!; // drc1 → drc1@, etc.
    const drcDetail = await getCaseHandler(asUser(drcAdmin, { caseId }));
    expect(drcDetail.assignableRos.length).toBe(2);
    const foreignRo = drcAdmin === 'drc1' ? 'demo-ro3' : 'demo-ro1';
    const wrong = await submit(drcAdmin, {
      type: 'caseAction',
      caseId,
      payload: { action: 'assignRo', result: 'assigned', inputs: { roId: foreignRo } },
    });
    expect(wrong.state).toBe('REJECTED');
    expect(wrong.error?.fields).toEqual({ roId: 'is not an active RO of this DRC' });

    const ro = drcDetail.assignableRos[0]!.uid;
    const ok = await submit(drcAdmin, {
      type: 'caseAction',
      caseId,
      payload: { action: 'assignRo', result: 'assigned', inputs: { roId: ro }, expectedRev: drcDetail.case.rev },
    });
    expect(ok.state).toBe('APPLIED');
    const roKey = ro.replace('demo-', '');
    const roView = await getCaseHandler(asUser(roKey, { caseId }));
    expect(roView.case.status).toBe('RO_ASSIGNED');
    expect(roView.actions.map((a) => a.code)).toContain('recordContact');
    const list = await listCasesHandler(asUser(roKey, {}));
    expect(list.cases.map((x) => x.id)).toContain(caseId);
  });

  it('hides the case from other DRCs and other ROs', async () => {
    const c = (await getCaseHandler(asUser('officer', { caseId }))).case;
    const otherDrc = c.drcId === 'drc2' ? 'drc3' : 'drc2';
    await expect(getCaseHandler(asUser(otherDrc, { caseId }))).rejects.toMatchObject({ code: 'not-found' });
    const otherRo = c.roId === 'demo-ro1' ? 'ro2' : 'ro1';
    await expect(getCaseHandler(asUser(otherRo, { caseId }))).rejects.toMatchObject({ code: 'not-found' });
    const list = await listCasesHandler(asUser(otherDrc, {}));
    expect(list.cases.map((x) => x.id)).not.toContain(caseId);
  });

  it('records a negotiation with a settlement, refusing a discount above the RO limit', async () => {
    const c = (await getCaseHandler(asUser('officer', { caseId }))).case;
    const ro = c.roId!.replace('demo-', '');
    const tooMuch = await submit(ro, {
      type: 'caseAction',
      caseId,
      payload: {
        action: 'recordContact',
        result: 'settlement_agreed',
        inputs: { channel: 'visit', agreedCents: Math.floor(c.arrearsCents / 2), instalments: 1, firstDueDate: today },
      },
    });
    expect(tooMuch.state).toBe('REJECTED');
    expect(tooMuch.error?.code).toBe('discount-above-limit');
    const unchanged = (await getCaseHandler(asUser('officer', { caseId }))).case;
    expect(unchanged.rev).toBe(c.rev);
    expect(unchanged.settlement).toBeNull();

    const agreed = Math.ceil(c.arrearsCents * 0.95);
    const ok = await submit(ro, {
      type: 'caseAction',
      caseId,
      payload: {
        action: 'recordContact',
        result: 'settlement_agreed',
        inputs: {
          channel: 'visit',
          notes: 'Agreed at the customer’s home',
          agreedCents: agreed,
          instalments: 2,
          firstDueDate: today,
        },
      },
    });
    expect(ok.state).toBe('APPLIED');
    const settled = (await getCaseHandler(asUser(ro, { caseId }))).case;
    expect(settled.status).toBe('SETTLEMENT');
    expect(settled.settlement?.instalments.map((i) => i.amountCents).reduce((a, b) => a + b, 0)).toBe(agreed);
  });

  it('takes the payments and closes the case, leaving a verifiable audit trail', async () => {
    const c = (await getCaseHandler(asUser('officer', { caseId }))).case;
    const ro = c.roId!.replace('demo-', '');
    const [first, second] = c.settlement!.instalments;
    const over = await submit(ro, {
      type: 'caseAction',
      caseId,
      payload: {
        action: 'recordPayment',
        result: 'received',
        inputs: { amountCents: c.settlement!.agreedCents + 1, paidOn: today, method: 'cash', reference: 'R-OVER' },
      },
    });
    expect(over.error?.code).toBe('overpayment');
    for (const [i, inst] of [first!, second!].entries()) {
      const paid = await submit(ro, {
        type: 'caseAction',
        caseId,
        payload: {
          action: 'recordPayment',
          result: 'received',
          inputs: { amountCents: inst.amountCents, paidOn: today, method: 'bank_transfer', reference: `TX-${i}` },
        },
      });
      expect(paid.state).toBe('APPLIED');
    }
    const closed = await getCaseHandler(asUser('officer', { caseId }));
    expect(closed.case.status).toBe('CLOSED_RECOVERED');
    expect(closed.case.closedAt).not.toBeNull();
    expect(closed.actions).toEqual([]);
    const key = await firestore().collection(COL.openCases).doc(`${account}_arrears`).get();
    expect(key.exists).toBe(false);

    const audit = await firestore().collection(COL.audit).where('entity', '==', `cases/${caseId}`).orderBy('seq').get();
    const events = audit.docs.map((d) => d.data() as AuditEvent);
    expect(events.map((e) => e.action)).toEqual([
      'registerCase',
      'assignDrc/assigned',
      'assignRo/assigned',
      'recordContact/settlement_agreed',
      'recordPayment/received',
      'recordPayment/received',
    ]);
    expect(verifyChain(events)).toEqual({ ok: true, length: 6 });
    expect(closed.timeline[0]?.transitions.map((t) => t.to)).toContain('CLOSED_RECOVERED');
  });

  it('refuses any action on the closed case', async () => {
    const c = (await getCaseHandler(asUser('officer', { caseId }))).case;
    const ro = c.roId!.replace('demo-', '');
    const late = await submit(ro, {
      type: 'caseAction',
      caseId,
      payload: { action: 'recordContact', result: 'no_answer', inputs: { channel: 'phone' } },
    });
    expect(late.error?.code).toBe('case-closed');
  });
});
