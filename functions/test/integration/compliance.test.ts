import { randomUUID } from 'node:crypto';
import functionsTest from 'firebase-functions-test';
import twilio from 'twilio';
import { COL, firestore } from '../../src/data/db';
import { DEFAULT_CONTACT_POLICY } from '../../src/domain/notifications/compliance';
import type { AuditEvent } from '../../src/domain/audit/chain';
import type { CaseState } from '../../src/domain/model/case';
import { currentContactPolicy } from '../../src/services/compliance/contactPolicy';
import { recordSourceChange } from '../../src/services/sourceSync';
import { onSourceChangeCreated } from '../../src/triggers/onSourceChangeCreated';
import { EMPTY_TWIML, twilioInboundHandler } from '../../src/webhooks/twilioInbound';
import { apiCase, call, putCases } from '../support/apiCases';
import { seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';

/**
 * The contact-compliance gate that sees: indicators raised by officers, contact results and source systems and
 * cleared only with a reason; SMS opt-outs through the signed inbound webhook; the RO's own contacts checked and
 * refused when blocked; the contact policy changed only through a second person's approval.
 */
const caseDoc = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).data() as CaseState;
const auditOf = async (entity: string) =>
  (await firestore().collection(COL.audit).where('entity', '==', entity).get()).docs
    .map((d) => d.data() as AuditEvent)
    .sort((a, b) => a.seq - b.seq);
const changeTrigger = functionsTest({ projectId: process.env.GCLOUD_PROJECT }).wrap(onSourceChangeCreated);
const requestCount = async () => (await firestore().collection(COL.requests).get()).size;

function withPhone(c: CaseState, phone: string, altPhone: string | null = null): CaseState {
  return { ...c, customer: { ...c.customer, phone, altPhone } };
}

beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    withPhone(apiCase('K1', 'NEGOTIATION'), '0771000001'),
    withPhone(apiCase('K2', 'NEGOTIATION'), '0771000002'),
    withPhone(apiCase('K3', 'NEGOTIATION'), '+94 77 100 0003'),
    withPhone(apiCase('K4', 'NEGOTIATION'), '0771000004', '0771000044'),
    withPhone(apiCase('K5', 'NEGOTIATION'), '0771000005'),
    withPhone(apiCase('K6', 'NEGOTIATION', { accountNumber: '0049990006' }), '0771000006'),
    withPhone(apiCase('K7', 'NEGOTIATION'), '0771000007'),
  ]);
});
afterAll(cleanupTriggers);

const contact = (caseId: string, rev: number, over: Record<string, unknown> = {}) => ({
  caseId,
  expectedRev: rev,
  clientRequestId: randomUUID(),
  result: 'call_back',
  channel: 'phone',
  ...over,
});

describe('indicators: raised by officers, cleared only with a reason, audited', () => {
  it('an officer raises do-not-contact: audited with the reason, the case blocked for the RO', async () => {
    const out = await call('setCaseIndicator', 'officer', {
      caseId: 'K1',
      indicator: 'do_not_contact',
      reason: 'Customer wrote asking not to be called',
    });
    expect(out).toMatchObject({ caseId: 'K1', indicators: ['do_not_contact'], changed: true, rev: 4 });
    const events = await auditOf('cases/K1');
    expect(events.at(-1)).toMatchObject({
      action: 'indicator:set',
      actor: { uid: 'demo-officer' },
      details: { indicator: 'do_not_contact', reason: 'Customer wrote asking not to be called', source: 'officer' },
      after: { indicators: ['do_not_contact'] },
    });
    const check = await call('checkContact', 'ro1', { caseId: 'K1', channel: 'visit' });
    expect(check).toMatchObject({
      decision: 'block',
      reasons: [{ code: 'indicator', detail: 'do_not_contact' }],
      message: 'Contact is not allowed: the case carries the do not contact indicator.',
    });
    // Raising it again changes nothing and writes no event.
    const again = await call('setCaseIndicator', 'supervisor', {
      caseId: 'K1',
      indicator: 'do_not_contact',
      reason: 'again',
    });
    expect(again).toMatchObject({ changed: false, rev: 4 });
    expect(await auditOf('cases/K1')).toHaveLength(events.length);
  });

  it('recordContact refuses a blocked contact at once, naming the reason, and writes nothing', async () => {
    const before = await requestCount();
    await expect(call('recordContact', 'ro1', contact('K1', 4))).rejects.toMatchObject({
      code: 'failed-precondition',
      message: 'Contact is not allowed: the case carries the do not contact indicator.',
      details: { reason: 'contact-blocked', findings: [{ code: 'indicator', detail: 'do_not_contact' }] },
    });
    expect(await requestCount()).toBe(before);
    expect((await caseDoc('K1')).rev).toBe(4);
  });

  it('a blocked contact written as a request directly is rejected by the trigger with the reason', async () => {
    const { requestId } = await call('submitRequest', 'ro1', {
      type: 'caseAction',
      caseId: 'K1',
      clientRequestId: randomUUID(),
      payload: { action: 'recordContact', result: 'call_back', inputs: { channel: 'visit' }, expectedRev: 4 },
    });
    await deliverRequestCreated(requestId);
    const status = await call('getRequestStatus', 'ro1', { requestId });
    expect(status).toMatchObject({ state: 'REJECTED', error: { code: 'contact-blocked' } });
    expect(status.error.message).toContain('do not contact');
    expect((await caseDoc('K1')).lastContact).toBeNull();
  });

  it('the RO may not clear an indicator; an officer must give a reason; the clearing is audited', async () => {
    await expect(
      call('clearCaseIndicator', 'ro1', { caseId: 'K1', indicator: 'do_not_contact', reason: 'customer agreed' }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(
      call('clearCaseIndicator', 'officer', { caseId: 'K1', indicator: 'do_not_contact', reason: '' }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(
      call('clearCaseIndicator', 'officer', { caseId: 'K1', indicator: 'dispute', reason: 'not there' }),
    ).rejects.toMatchObject({ code: 'failed-precondition' });
    const out = await call('clearCaseIndicator', 'supervisor', {
      caseId: 'K1',
      indicator: 'do_not_contact',
      reason: 'Customer called back and asked to be contacted again',
    });
    expect(out).toMatchObject({ indicators: [], changed: true, rev: 5 });
    expect((await auditOf('cases/K1')).at(-1)).toMatchObject({
      action: 'indicator:clear',
      actor: { uid: 'demo-supervisor' },
      details: { indicator: 'do_not_contact', reason: 'Customer called back and asked to be contacted again' },
      before: { indicators: ['do_not_contact'] },
      after: { indicators: [] },
    });
    expect((await call('checkContact', 'ro1', { caseId: 'K1', channel: 'visit' })).decision).not.toBe('block');
  });

  it('an RO’s "disputes" result raises the dispute indicator; the next contact is refused', async () => {
    const out = await call(
      'recordContact',
      'ro1',
      contact('K2', 3, { result: 'disputes', notes: 'says the bill is wrong' }),
    );
    await deliverRequestCreated(out.requestId);
    expect(await call('getRequestStatus', 'ro1', { requestId: out.requestId })).toMatchObject({ state: 'APPLIED' });
    const c = await caseDoc('K2');
    expect(c.indicators).toEqual(['dispute']);
    expect(c.lastContact).toMatchObject({ outcome: 'disputes' });
    await expect(call('recordContact', 'ro1', contact('K2', c.rev))).rejects.toMatchObject({
      code: 'failed-precondition',
      details: { findings: [{ code: 'indicator', detail: 'dispute' }] },
    });
    // Reporting a further protection is still recorded: it only adds to what stops contact.
    const deceased = await call(
      'recordContact',
      'ro1',
      contact('K2', c.rev, { result: 'customer_deceased', channel: 'visit' }),
    );
    await deliverRequestCreated(deceased.requestId);
    expect((await caseDoc('K2')).indicators).toEqual(['dispute', 'deceased']);
  });

  it('a source system’s indicator is raised on the account’s open cases, once', async () => {
    const change = {
      kind: 'indicator' as const,
      source: 'crm' as const,
      eventId: 'ind-1',
      accountNumber: '0049990006',
      occurredAt: '2026-11-20T09:00:00Z',
      indicator: 'bankruptcy' as const,
    };
    const { id } = await recordSourceChange(change, 'webhook', '2026-11-20T09:00:01.000Z');
    const snap = await firestore().collection(COL.sourceChanges).doc(id).get();
    await changeTrigger({ data: snap, params: { changeId: id }, id: `evt-${id}` });
    expect((await caseDoc('K6')).indicators).toEqual(['bankruptcy']);
    const events = (await auditOf('cases/K6')).length;
    // The same event again is a duplicate; another event reporting the same indicator changes nothing.
    expect(await recordSourceChange(change, 'lake', '2026-11-20T09:05:00.000Z')).toMatchObject({ duplicate: true });
    const again = await recordSourceChange({ ...change, eventId: 'ind-2' }, 'webhook', '2026-11-20T09:06:00.000Z');
    await changeTrigger({
      data: await firestore().collection(COL.sourceChanges).doc(again.id).get(),
      params: { changeId: again.id },
      id: `evt-${again.id}`,
    });
    expect((await caseDoc('K6')).indicators).toEqual(['bankruptcy']);
    expect(await auditOf('cases/K6')).toHaveLength(events);
    expect((await auditOf('cases/K6')).at(-1)).toMatchObject({
      action: 'sourceChange',
      actor: { uid: 'system:source-sync' },
    });
    expect((await call('checkContact', 'ro1', { caseId: 'K6', channel: 'phone' })).reasons).toEqual([
      expect.objectContaining({ code: 'indicator', detail: 'bankruptcy' }),
    ]);
  });
});

describe('SMS opt-out through the inbound Twilio webhook', () => {
  const url = 'https://example.test/twilioInbound';
  let n = 0;
  const sms = (from: string, body: string, sid = `SM${String(++n).padStart(32, '0')}`) => ({
    MessageSid: sid,
    AccountSid: 'AC00000000000000000000000000000000',
    From: from,
    To: '+94110000000',
    Body: body,
  });
  const post = (params: Record<string, string>, signature?: string) =>
    twilioInboundHandler({
      method: 'POST',
      headers: signature === undefined ? {} : { 'x-twilio-signature': signature },
      body: params,
    });
  const signed = (params: Record<string, string>) =>
    post(params, twilio.getExpectedTwilioSignature('local-twilio-token', url, params));
  const prefs = async (phone: string) => (await firestore().collection(COL.contactPreferences).doc(phone).get()).data();

  beforeAll(() => {
    process.env.TWILIO_INBOUND_URL = url;
  });
  afterAll(() => {
    delete process.env.TWILIO_INBOUND_URL;
  });

  it('a missing or forged signature is 403 and changes nothing', async () => {
    const params = sms('+94771000003', 'STOP');
    expect((await post(params)).status).toBe(403);
    expect((await post(params, 'forged')).status).toBe(403);
    // Signed for other fields than those sent.
    const other = twilio.getExpectedTwilioSignature('local-twilio-token', url, { ...params, Body: 'hello' });
    expect((await post(params, other)).status).toBe(403);
    expect(await prefs('+94771000003')).toBeUndefined();
    expect((await firestore().collection(COL.inboundSms).get()).size).toBe(0);
  });

  it('STOP opts the number out (any case, trimmed), audited, answered with empty TwiML; the gate blocks calls', async () => {
    const answer = await signed(sms('+94771000003', '  stop '));
    expect(answer).toEqual({ status: 200, body: EMPTY_TWIML, contentType: 'text/xml' });
    expect(await prefs('+94771000003')).toMatchObject({ phone: '+94771000003', optedOut: true, via: 'sms' });
    const events = await auditOf('contactPreferences/+94771000003');
    expect(events.map((e) => e.action)).toEqual(['contact:optOut']);
    // The case stored "+94 77 100 0003": the same number.
    const check = await call('checkContact', 'ro1', { caseId: 'K3', channel: 'phone' });
    expect(check).toMatchObject({ decision: 'block', reasons: [{ code: 'opted_out', detail: '+94771000003' }] });
    expect((await call('checkContact', 'ro1', { caseId: 'K3', channel: 'visit' })).decision).not.toBe('block');
    await expect(call('recordContact', 'ro1', contact('K3', 3, { channel: 'sms' }))).rejects.toMatchObject({
      code: 'failed-precondition',
      details: { findings: [{ code: 'opted_out' }] },
    });
  });

  it('STOP twice: the same MessageSid is worked once; another STOP changes nothing and is not audited again', async () => {
    const params = sms('0771000005', 'STOPALL');
    await signed(params);
    expect((await signed(params)).status).toBe(200);
    await signed(sms('+94771000005', 'QUIT'));
    expect(await prefs('+94771000005')).toMatchObject({ optedOut: true, messageSid: params.MessageSid });
    expect((await auditOf('contactPreferences/+94771000005')).map((e) => e.action)).toEqual(['contact:optOut']);
    const marks = await firestore().collection(COL.inboundSms).where('phone', '==', '+94771000005').get();
    expect(marks.docs.map((d) => d.get('outcome')).sort()).toEqual(['opted_out', 'unchanged']);
  });

  it('START opts back in, audited; other texts change nothing', async () => {
    await signed(sms('+94771000007', 'STOP'));
    await signed(sms('+94771000007', 'When can I pay?'));
    expect(await prefs('+94771000007')).toMatchObject({ optedOut: true });
    await signed(sms('+94771000007', 'start'));
    expect(await prefs('+94771000007')).toMatchObject({ optedOut: false });
    expect((await auditOf('contactPreferences/+94771000007')).map((e) => e.action)).toEqual([
      'contact:optOut',
      'contact:optIn',
    ]);
    expect((await call('checkContact', 'ro1', { caseId: 'K7', channel: 'phone' })).decision).not.toBe('block');
  });

  it('one of two numbers opted out: a call is warned (use the other number), not blocked', async () => {
    await signed(sms('+94771000004', 'STOP'));
    const check = await call('checkContact', 'ro1', { caseId: 'K4', channel: 'phone' });
    expect(check.decision).toBe('warn');
    expect(check.reasons).toContainEqual(expect.objectContaining({ code: 'partly_opted_out', detail: '+94771000004' }));
  });

  it('a malformed inbound message is 400', async () => {
    expect((await signed({ ...sms('+94771000008', 'STOP'), MessageSid: 'x' })).status).toBe(400);
  });
});

describe('the contact policy: proposed by an administrator, applied only after another person approves', () => {
  it('refuses the maker as checker; a pending change does not apply; the approval applies it, audited', async () => {
    const relaxed = { ...DEFAULT_CONTACT_POLICY, blockingIndicators: ['deceased'] };
    const start = await call('getContactPolicy', 'admin');
    expect(start).toMatchObject({ active: { version: 0 }, pending: null });
    const proposed = await call('proposeContactPolicy', 'admin', { expectedVersion: 0, policy: relaxed, note: 'test' });
    expect(proposed).toMatchObject({ active: { version: 0 }, pending: { version: 1, proposedBy: 'demo-admin' } });
    await expect(
      call('proposeContactPolicy', 'supervisor', { expectedVersion: 0, policy: relaxed }),
    ).rejects.toMatchObject({ code: 'permission-denied' });

    // Not applied before approval: the dispute on K2 still blocks.
    expect((await currentContactPolicy(Date.now() + 60_000)).version).toBe(0);
    expect((await call('checkContact', 'ro1', { caseId: 'K2', channel: 'visit' })).decision).toBe('block');

    await expect(call('decideContactPolicy', 'admin', { pendingVersion: 1, approve: true })).rejects.toMatchObject({
      code: 'permission-denied',
      details: { reason: 'maker-cannot-approve' },
    });
    await expect(call('decideContactPolicy', 'ro1', { pendingVersion: 1, approve: true })).rejects.toMatchObject({
      code: 'permission-denied',
    });
    expect((await call('getContactPolicy', 'auditor')).pending).toMatchObject({ version: 1 });

    const approved = await call('decideContactPolicy', 'supervisor', { pendingVersion: 1, approve: true });
    expect(approved).toMatchObject({
      active: { version: 1, approvedBy: 'demo-supervisor', proposedBy: 'demo-admin', policy: relaxed },
      pending: null,
    });
    const check = await call('checkContact', 'ro1', { caseId: 'K2', channel: 'visit' });
    expect(check).toMatchObject({ policyVersion: 1, reasons: [expect.objectContaining({ detail: 'deceased' })] });
    expect((await auditOf('settings/contactPolicy')).map((e) => [e.action, e.actor.uid])).toEqual([
      ['contactPolicy/propose', 'demo-admin'],
      ['contactPolicy/approve', 'demo-supervisor'],
    ]);
  });

  it('a rejection needs a reason and leaves the policy in force; a stale proposal is refused', async () => {
    await expect(
      call('proposeContactPolicy', 'admin', { expectedVersion: 0, policy: DEFAULT_CONTACT_POLICY }),
    ).rejects.toMatchObject({ code: 'failed-precondition' });
    await call('proposeContactPolicy', 'admin', { expectedVersion: 1, policy: DEFAULT_CONTACT_POLICY });
    await expect(
      call('decideContactPolicy', 'supervisor', { pendingVersion: 2, approve: false }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    const rejected = await call('decideContactPolicy', 'supervisor', {
      pendingVersion: 2,
      approve: false,
      note: 'keep the relaxed list for now',
    });
    expect(rejected).toMatchObject({ active: { version: 1 }, pending: null });
  });
});
