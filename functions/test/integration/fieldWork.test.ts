import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { verifyChain, type AuditEvent } from '../../src/domain/audit/chain';
import type { CaseState } from '../../src/domain/model/case';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverCaseCreated, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const getCaseHandler = handlerOf('getCase');
const getRequestHandler = handlerOf('getRequest');
const submitRequestHandler = handlerOf('submitRequest');
const listCasesHandler = handlerOf('listCases');

/** Whether the supervisor's "to decide" queue lists the case (the whole queue, page by page). */
async function onSupervisorsQueue(caseId: string): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await listCasesHandler(
      asUser('supervisor', { tab: 'decisions', limit: 100, ...(cursor ? { cursor } : {}) }),
    );
    if (page.cases.some((c) => c.id === caseId)) return true;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return false;
}

/**
 * Field work (docs/decisions/0013) through requests and the onRequestCreated trigger: what the RO's field work
 * writes.
 */
async function submit(user: string, body: { type: string; caseId?: string; payload: Record<string, unknown> }) {
  const { requestId } = await submitRequestHandler(asUser(user, { ...body, clientRequestId: randomUUID() }));
  await deliverRequestCreated(requestId);
  return { requestId, ...(await getRequestHandler(asUser(user, { requestId }))) };
}

const action = (
  caseId: string,
  code: string,
  result: string,
  inputs: Record<string, unknown>,
  expectedRev?: number,
) => ({
  type: 'caseAction',
  caseId,
  payload: { action: code, result, inputs, ...(expectedRev === undefined ? {} : { expectedRev }) },
});

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const caseDoc = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).data() as CaseState;

beforeAll(seedOrganisation);
afterAll(cleanupTriggers);

describe('recovery officer field work end to end', () => {
  let caseId = '';
  let ro = '';

  beforeAll(async () => {
    const registered = await submit('officer', {
      type: 'registerCase',
      payload: { accountNumber: '0041234567', requiredAction: 'arrears_cpe' },
    });
    caseId = registered.caseId!;
    await deliverCaseCreated(caseId);
    const placed = await caseDoc(caseId);
    const drcAdmin = placed.drcId!;
    const roUid = (await getCaseHandler(asUser(drcAdmin, { caseId }))).assignableRos[0]!.uid;
    const assigned = await submit(drcAdmin, action(caseId, 'assignRo', 'assigned', { roId: roUid }));
    expect(assigned.state).toBe('APPLIED');
    ro = roUid.replace('demo-', '');
  });

  it('records a contact with its reason of delinquency, and refuses one dated in the future', async () => {
    const future = await submit(
      ro,
      action(caseId, 'recordContact', 'call_back', { channel: 'phone', contactedOn: inDays(2) }),
    );
    expect(future).toMatchObject({ state: 'REJECTED', error: { code: 'contact-in-future' } });
    expect(future.error?.fields).toHaveProperty('contactedOn');
    const ok = await submit(
      ro,
      action(caseId, 'recordContact', 'call_back', {
        channel: 'phone',
        delinquencyReason: 'illness',
        notes: 'In hospital until next week',
        nextFollowUpOn: inDays(7),
      }),
    );
    expect(ok.state).toBe('APPLIED');
    const c = await caseDoc(caseId);
    expect(c.status).toBe('NEGOTIATION');
    expect(c.characteristics.delinquencyReason).toBe('illness');
    expect(c.lastContact).toMatchObject({ outcome: 'call_back', notes: 'In hospital until next week' });
  });

  it('updates the customer’s contacts with history; a redelivered event changes nothing', async () => {
    const before = await caseDoc(caseId);
    const r = await submit(
      ro,
      action(caseId, 'updateContacts', 'updated', {
        phone: '0779876543',
        email: 'moved@example.lk',
        reason: 'New SIM',
      }),
    );
    expect(r.state).toBe('APPLIED');
    const after = await caseDoc(caseId);
    expect(after.rev).toBe(before.rev + 1);
    expect(after.contactHistory).toEqual([
      expect.objectContaining({ field: 'phone', from: before.customer.phone, to: '0779876543', reason: 'New SIM' }),
      expect.objectContaining({ field: 'email', from: before.customer.email, to: 'moved@example.lk' }),
    ]);
    await deliverRequestCreated(r.requestId, `evt-${r.requestId}-again`);
    expect((await caseDoc(caseId)).rev).toBe(after.rev);
  });

  it('sends a large discount to a supervisor: not the RO, not with a stale revision, then applied', async () => {
    const c = await caseDoc(caseId);
    const proposed = await submit(
      ro,
      action(caseId, 'recordContact', 'settlement_proposed', {
        channel: 'visit',
        agreedCents: Math.floor(c.arrearsCents / 2),
        instalments: 3,
        firstDueDate: inDays(3),
      }),
    );
    expect(proposed.state).toBe('APPLIED');
    const mirror = await firestore().collection(COL.approvals).doc(proposed.requestId).get();
    expect(mirror.data()).toMatchObject({ caseId, state: 'pending', makerUid: `demo-${ro}`, drcId: c.drcId });
    expect(await onSupervisorsQueue(caseId)).toBe(true);

    const byRo = await submit(ro, action(caseId, 'decideSettlement', 'approved', {}));
    expect(byRo.error?.code).toBe('role-not-allowed');
    const stale = await submit('supervisor', action(caseId, 'decideSettlement', 'approved', {}, c.rev));
    expect(stale.error?.code).toBe('conflict');
    const now = await caseDoc(caseId);
    const approved = await submit(
      'supervisor',
      action(caseId, 'decideSettlement', 'approved', { note: 'ok' }, now.rev),
    );
    expect(approved.state).toBe('APPLIED');
    const settled = await caseDoc(caseId);
    expect(settled.status).toBe('SETTLEMENT');
    expect(settled.settlement).toMatchObject({ approvalId: proposed.requestId, plan: 'instalments' });
    expect((await firestore().collection(COL.approvals).doc(proposed.requestId).get()).get('state')).toBe('approved');
    expect(await onSupervisorsQueue(caseId)).toBe(false);
  });

  it('reverses a payment: the amount no longer counts and the instalments are re-allocated', async () => {
    const paid = await submit(
      ro,
      action(caseId, 'recordPayment', 'received', {
        amountCents: 1500,
        paidOn: today,
        method: 'cheque',
        reference: 'CHQ-77',
      }),
    );
    expect(paid.state).toBe('APPLIED');
    expect((await caseDoc(caseId)).settlement!.instalments[0]!.paidCents).toBe(1500);
    const byRo = await submit(
      ro,
      action(caseId, 'reversePayment', 'reversed', { reference: 'CHQ-77', reason: 'Bounced' }),
    );
    expect(byRo.error?.code).toBe('role-not-allowed');
    const reversed = await submit(
      'officer',
      action(caseId, 'reversePayment', 'reversed', { reference: 'CHQ-77', reason: 'Bounced' }),
    );
    expect(reversed.state).toBe('APPLIED');
    const c = await caseDoc(caseId);
    expect(c.paidCents).toBe(0);
    expect(c.settlement!.instalments.every((i) => i.paidCents === 0)).toBe(true);
    expect(c.payments[0]).toMatchObject({ reversalReason: 'Bounced', reversedBy: 'demo-officer' });
  });

  it('collects CPE with its details; RCMP rejects one with a reason', async () => {
    const c = await caseDoc(caseId);
    const item = c.cpe[0]!;
    const collected = await submit(
      ro,
      action(caseId, 'recordCpeCollection', 'collected', {
        itemId: item.itemId,
        condition: 'Scratched',
        location: 'Customer’s shop',
        photoRef: 'photos/x.jpg',
      }),
    );
    expect(collected.state).toBe('APPLIED');
    const noReason = await submit(
      'rcmp',
      action(caseId, 'decideCpe', 'decided', { itemId: item.itemId, approved: false }),
    );
    expect(noReason.error).toMatchObject({ code: 'reason-required', fields: { reason: expect.any(String) } });
    const rejected = await submit(
      'rcmp',
      action(caseId, 'decideCpe', 'decided', { itemId: item.itemId, approved: false, reason: 'Wrong serial' }),
    );
    expect(rejected.state).toBe('APPLIED');
    expect((await caseDoc(caseId)).cpe[0]).toMatchObject({ status: 'rejected', decisionReason: 'Wrong serial' });
  });

  it('asks for a validity extension; the RO sees it pending in the mirror; an officer approves it', async () => {
    const bad = await submit(ro, action(caseId, 'roRequest', 'validity_extension', { reason: 'Abroad', days: -5 }));
    expect(bad).toMatchObject({ state: 'REJECTED', error: { code: 'invalid-input' } });
    const before = await caseDoc(caseId);
    const asked = await submit(ro, action(caseId, 'roRequest', 'validity_extension', { reason: 'Abroad', days: 10 }));
    expect(asked.state).toBe('APPLIED');
    const mine = await firestore().collection(COL.roRequests).where('roId', '==', `demo-${ro}`).get();
    expect(mine.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ caseId, kind: 'validity_extension', state: 'pending', days: 10, drcId: before.drcId }),
    ]);
    const decided = await submit(
      'officer',
      action(caseId, 'decideRoRequest', 'approved', { requestId: asked.requestId }),
    );
    expect(decided.state).toBe('APPLIED');
    const after = await caseDoc(caseId);
    expect(Date.parse(after.assignment.validUntil!) - Date.parse(before.assignment.validUntil!)).toBe(10 * 86_400_000);
    expect((await firestore().collection(COL.roRequests).doc(asked.requestId).get()).get('state')).toBe('approved');
  });

  it('takes the case through the mediation board phases', async () => {
    expect((await submit(ro, action(caseId, 'escalate', 'escalated', { notes: 'Stopped paying' }))).state).toBe(
      'APPLIED',
    );
    const letter = await submit(ro, action(caseId, 'roRequest', 'board_letter', { reason: 'Negotiation failed' }));
    expect((await caseDoc(caseId)).boardPhase).toBe('letter_requested');
    await submit('supervisor', action(caseId, 'decideRoRequest', 'approved', { requestId: letter.requestId }));
    const hearing = await submit('board', action(caseId, 'scheduleHearing', 'scheduled', { hearingDate: inDays(14) }));
    expect(hearing.state).toBe('APPLIED');
    const c = await caseDoc(caseId);
    expect(c).toMatchObject({ status: 'MEDIATION_BOARD', boardPhase: 'hearing_scheduled' });
    expect(c.board?.hearingDate).toBe(inDays(14));
  });

  it('refuses an unknown case and keeps one verifiable audit chain of every change', async () => {
    // Refused at once, with the answer a case outside the caller's scope gets (the trigger refuses it too).
    await expect(
      submit(ro, action('NO-SUCH-CASE', 'updateContacts', 'updated', { phone: '0771234567', reason: 'x' })),
    ).rejects.toMatchObject({ code: 'not-found', message: 'No case NO-SUCH-CASE that you can see.' });
    const audit = await firestore().collection(COL.audit).where('entity', '==', `cases/${caseId}`).orderBy('seq').get();
    const events = audit.docs.map((d) => d.data() as AuditEvent);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'updateContacts/updated',
        'recordContact/settlement_proposed',
        'decideSettlement/approved',
        'reversePayment/reversed',
        'roRequest/validity_extension',
        'decideRoRequest/approved',
        'scheduleHearing/scheduled',
      ]),
    );
    expect(verifyChain(events).ok).toBe(true);
  });
});
