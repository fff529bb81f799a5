import { randomUUID } from 'node:crypto';
import functionsTest from 'firebase-functions-test';
import type { CallableRequest } from 'firebase-functions/v2/https';
import { COL, firestore } from '../../src/data/db';
import { SESSION_CACHE_MS, forgetSession, sessionProfile } from '../../src/data/sessions';
import type { AuditEvent } from '../../src/domain/audit/chain';
import type { CaseState, RoRequest } from '../../src/domain/model/case';
import { SESSION_ENDED } from '../../src/domain/policy/session';
import { roRequestDocs } from '../../src/domain/requests/mirrors';
import { onAuditNotify } from '../../src/triggers/onAuditNotify';
import { apiCase, call, putCases } from '../support/apiCases';
import { asUser, seedOrganisation } from '../support/fixtures';
import { inboxFor } from '../support/notifyCases';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const dashboardHandler = handlerOf('dashboardFigures');
const jobBasketCountsHandler = handlerOf('jobBasketCounts');
const listCasesHandler = handlerOf('listCases');
const getCaseHandler = handlerOf('getCase');
const submitRequestHandler = handlerOf('submitRequest');
const inviteUserHandler = handlerOf('inviteUser');
const updateUserHandler = handlerOf('updateUser');
const whoAmIHandler = handlerOf('whoAmI');
const reassignCasesHandler = handlerOf('reassignCases');
const recallCasesHandler = handlerOf('recallCases');
const setRoProfileHandler = handlerOf('setRoProfile');

/**
 * Isolation that survives people moving: an RO's scope is their cases in their DRC, a session ends the moment its
 * user is disabled, re-roled or moved, and what is outside the caller's scope answers as what does not exist.
 */
const fft = functionsTest({ projectId: process.env.GCLOUD_PROJECT });

beforeAll(seedOrganisation);
afterAll(() => {
  cleanupTriggers();
  fft.cleanup();
});
beforeEach(() => forgetSession());

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A callable request as the Functions runtime builds it from a verified ID token. */
function withToken(
  uid: string,
  claims: { role: string; drcId?: string },
  authTime: number,
  data: unknown = {},
): Pick<CallableRequest, 'auth' | 'data'> {
  const token = { ...claims, auth_time: authTime, email: `${uid}@demo.debtx`, uid };
  return { auth: { uid, token, rawToken: 'test' } as unknown as CallableRequest['auth'], data };
}

async function invitedRo(drcId: string): Promise<string> {
  const out = await inviteUserHandler(
    asUser('admin', {
      email: `ro.${randomUUID().slice(0, 8)}@demo.debtx`,
      displayName: 'Moving Ro',
      role: 'ro',
      drcId,
    }),
  );
  return out.uid;
}

const caseOf = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).data() as CaseState;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: Error & { code: string; details?: unknown }) => ({ code: e.code, message: e.message, details: e.details }),
  );

describe('1. people who move or leave lose access at once', () => {
  it('a moved RO can no longer read, list or act on the old DRC’s cases', async () => {
    // ro1 works for drc1 now; M1 is a case of drc2 (their former DRC) that still names them.
    await putCases([apiCase('M1', 'NEGOTIATION', { drcId: 'drc2', roId: 'demo-ro1' }), apiCase('M2', 'NEGOTIATION')]);
    const gone = await refusal(getCaseHandler(asUser('ro1', { caseId: 'M1' })));
    const missing = await refusal(getCaseHandler(asUser('ro1', { caseId: 'NO-SUCH' })));
    expect(gone.code).toBe('not-found');
    expect(gone).toEqual({ ...missing, message: missing.message.replace('NO-SUCH', 'M1') });
    const listed = await listCasesHandler(asUser('ro1', {}));
    expect(listed.cases.map((c) => c.id)).toContain('M2');
    expect(listed.cases.map((c) => c.id)).not.toContain('M1');
    // The mobile API (REST and callables) decides through loadCaseFor.
    await expect(call('caseDetailsForDrc', 'ro1', { caseId: 'M1' })).rejects.toMatchObject({ code: 'not-found' });
    const active = await call('listActiveCustomerNegotiations', 'ro1', {});
    expect(active.items.map((c: { id: string }) => c.id)).not.toContain('M1');
    // Acting: refused by submitRequest at once, and by the trigger for a request written directly.
    const action = { action: 'recordContact', result: 'no_answer', inputs: { channel: 'phone' }, expectedRev: 3 };
    await expect(
      submitRequestHandler(
        asUser('ro1', { type: 'caseAction', caseId: 'M1', payload: action, clientRequestId: randomUUID() }),
      ),
    ).rejects.toMatchObject({ code: 'not-found' });
    const id = randomUUID();
    await firestore().collection(COL.requests).doc(id).set({
      type: 'caseAction',
      caseId: 'M1',
      payload: action,
      clientRequestId: id,
      createdBy: 'demo-ro1',
      createdAt: new Date().toISOString(),
      state: 'PENDING',
    });
    await deliverRequestCreated(id);
    const req = (await firestore().collection(COL.requests).doc(id).get()).data()!;
    expect(req).toMatchObject({ state: 'REJECTED', error: { code: 'unknown-case' } });
    expect((await caseOf('M1')).rev).toBe(3);
  });

  it('moving an RO hands their open cases of the old DRC back to its admin: unassigned, audited, notified', async () => {
    const uid = await invitedRo('drc1');
    await putCases([
      apiCase('HB1', 'NEGOTIATION', { roId: uid }),
      apiCase('HB2', 'RO_ASSIGNED', { roId: uid }),
      apiCase('HB3', 'NEGOTIATION', { roId: 'demo-ro2' }),
      apiCase('HB4', 'CLOSED_RECOVERED', { roId: uid, closedAt: '2026-11-02T00:00:00.000Z' }),
    ]);
    await updateUserHandler(asUser('admin', { uid, drcId: 'drc2' }));
    for (const id of ['HB1', 'HB2']) {
      expect(await caseOf(id)).toMatchObject({ drcId: 'drc1', roId: null });
      const trail = await firestore().collection(COL.audit).where('entity', '==', `cases/${id}`).get();
      const events = trail.docs.map((d) => ({ id: d.id, ...(d.data() as AuditEvent) }));
      const handBack = events.find((e) => e.action === 'roHandBack')!;
      expect(handBack).toMatchObject({ actor: { uid: 'demo-admin' }, before: { roId: uid }, after: { roId: null } });
      // The audit event drives the notification: the old DRC's admin hears of it.
      const snap = await firestore().collection(COL.audit).doc(handBack.id).get();
      await fft.wrap(onAuditNotify)({ data: snap, params: { eventId: handBack.id }, id: `evt-${handBack.id}` });
      const inbox = await inboxFor(handBack.id);
      expect(inbox.map((i) => [i.uid, i.kind])).toContainEqual(['demo-drc1', 'case_handed_back']);
      expect(inbox.map((i) => i.uid)).not.toContain(uid);
    }
    // Another RO's case and a closed case are left alone.
    expect(await caseOf('HB3')).toMatchObject({ roId: 'demo-ro2' });
    expect(await caseOf('HB4')).toMatchObject({ roId: uid });
    // Moving them again changes nothing more on the old DRC's cases.
    await updateUserHandler(asUser('admin', { uid, drcId: 'drc3' }));
    const trail = await firestore().collection(COL.audit).where('entity', '==', 'cases/HB1').get();
    expect(trail.docs.filter((d) => d.get('action') === 'roHandBack')).toHaveLength(1);
    // An RO given another role leaves their DRC's cases too.
    const other = await invitedRo('drc1');
    await putCases([apiCase('HB5', 'NEGOTIATION', { roId: other })]);
    await updateUserHandler(asUser('admin', { uid: other, role: 'rcmp', drcId: null }));
    expect(await caseOf('HB5')).toMatchObject({ drcId: 'drc1', roId: null });
  });

  it('a disabled user’s callable is refused with their still-valid token', async () => {
    const uid = await invitedRo('drc1');
    const signedIn = nowSeconds() - 5;
    const claims = { role: 'ro', drcId: 'drc1' };
    expect(await whoAmIHandler(withToken(uid, claims, signedIn))).toMatchObject({ uid, role: 'ro' });
    await updateUserHandler(asUser('admin', { uid, disabled: true }));
    const refused = await refusal(whoAmIHandler(withToken(uid, claims, signedIn)));
    expect(refused).toMatchObject({ code: 'unauthenticated', message: SESSION_ENDED });
    await expect(listCasesHandler(withToken(uid, claims, signedIn))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('a re-roled or moved user’s old token is refused; a token signed in after the change works', async () => {
    const uid = await invitedRo('drc1');
    const before = nowSeconds() - 5;
    await updateUserHandler(asUser('admin', { uid, drcId: 'drc2' }));
    // The token still says drc1: refused, whatever its time.
    await expect(whoAmIHandler(withToken(uid, { role: 'ro', drcId: 'drc1' }, before))).rejects.toMatchObject({
      code: 'unauthenticated',
      message: SESSION_ENDED,
    });
    // New claims but signed in before the revocation: refused too.
    await expect(whoAmIHandler(withToken(uid, { role: 'ro', drcId: 'drc2' }, before))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    // Signed in again afterwards, with the claims as they are now.
    const after = nowSeconds() + 1;
    expect(await whoAmIHandler(withToken(uid, { role: 'ro', drcId: 'drc2' }, after))).toMatchObject({
      drcId: 'drc2',
    });
    await updateUserHandler(asUser('admin', { uid, role: 'rcmp', drcId: null }));
    await expect(whoAmIHandler(withToken(uid, { role: 'ro', drcId: 'drc2' }, nowSeconds() + 1))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('a revocation made on another instance is seen within the session cache bound', async () => {
    const t0 = Date.now();
    expect((await sessionProfile('demo-ro2', t0))?.active).toBe(true);
    // Another instance disables the user: this instance's cache does not know yet.
    await firestore().collection(COL.users).doc('demo-ro2').update({ active: false });
    expect((await sessionProfile('demo-ro2', t0 + SESSION_CACHE_MS - 1))?.active).toBe(true);
    expect((await sessionProfile('demo-ro2', t0 + SESSION_CACHE_MS))?.active).toBe(false);
    await firestore().collection(COL.users).doc('demo-ro2').update({ active: true });
  });

  it('an RO’s active requests list only cases still assigned to them in their DRC', async () => {
    const request = (caseId: string): RoRequest => ({
      id: `rq-${caseId}`,
      kind: 'validity_extension',
      reason: 'customer asked for time',
      days: 14,
      state: 'pending',
      requestedBy: 'demo-ro1',
      requestedAt: '2026-11-01T00:00:00.000Z',
      decidedBy: null,
      decidedAt: null,
      note: null,
    });
    const cases = ['RQ1', 'RQ2', 'RQ3'].map((id) =>
      apiCase(id, 'NEGOTIATION', {
        roRequests: [request(id)],
        customer: { ...apiCase(id, 'NEGOTIATION').customer, name: `Name ${id}` },
      }),
    );
    await putCases(cases);
    // The mirrors as the case's last write left them.
    const batch = firestore().batch();
    for (const c of cases)
      for (const d of roRequestDocs(null, c)) batch.set(firestore().collection(COL.roRequests).doc(d.id), { ...d });
    await batch.commit();
    const listed = async () =>
      ((await call('listActiveRoRequests', 'ro1', {})) as { items: { caseId: string; customerName: string }[] }).items;
    expect((await listed()).map((i) => i.caseId).sort()).toEqual(['RQ1', 'RQ2', 'RQ3']);
    // RQ2 goes to another RO of the DRC; RQ3 is moved to another DRC by an officer.
    await reassignCasesHandler(
      asUser('drc1', { operationId: randomUUID(), caseIds: ['RQ2'], toRoId: 'demo-ro2', reason: 'Rebalance' }),
    );
    await reassignCasesHandler(
      asUser('officer', { operationId: randomUUID(), caseIds: ['RQ3'], toDrcId: 'drc3', reason: 'Rebalance' }),
    );
    const now = await listed();
    expect(now.map((i) => i.caseId)).toEqual(['RQ1']);
    expect(JSON.stringify(now)).not.toContain('Name RQ2');
    expect(JSON.stringify(now)).not.toContain('Name RQ3');
    // The DRC admin who holds RQ2 still sees the request on it.
    const drc = (await call('listActiveRoRequests', 'drc1', {})) as { items: { caseId: string }[] };
    expect(drc.items.map((i) => i.caseId)).toContain('RQ2');
  });
});

describe('6. no existence oracle, no over-sharing', () => {
  beforeAll(() =>
    putCases([apiCase('X1', 'NEGOTIATION', { drcId: 'drc2', roId: 'demo-ro3' }), apiCase('X2', 'NEGOTIATION')]),
  );

  /** The refusal for an id outside the scope and for one that does not exist, with the ids masked. */
  async function alike(run: (id: string) => Promise<unknown>, outside: string, absent = 'NOPE-404') {
    const a = await refusal(run(outside));
    const b = await refusal(run(absent));
    expect(JSON.stringify(a).replaceAll(outside, 'ID')).toBe(JSON.stringify(b).replaceAll(absent, 'ID'));
    return a;
  }

  it('reassignCases answers another DRC’s case as one that does not exist', async () => {
    const out = await alike(
      (id) =>
        reassignCasesHandler(
          asUser('drc1', { operationId: randomUUID(), caseIds: [id], toRoId: 'demo-ro2', reason: 'Rebalance' }),
        ),
      'X1',
    );
    expect(out.code).toBe('not-found');
    expect((await caseOf('X1')).roId).toBe('demo-ro3');
  });

  it('recallCases refuses an unknown case with the same answer as every other lookup', async () => {
    const recall = await refusal(
      recallCasesHandler(asUser('officer', { operationId: randomUUID(), caseIds: ['NOPE-404'], reason: 'Recall' })),
    );
    const read = await refusal(getCaseHandler(asUser('ro1', { caseId: 'NOPE-404' })));
    // The same code and words; the recall form is also told which field to correct.
    expect({ code: recall.code, message: recall.message }).toEqual({ code: read.code, message: read.message });
    expect(recall.details).toEqual({ fields: { caseIds: 'has no case NOPE-404 that you can see' } });
  });

  it('setRoProfile answers another DRC’s RO as a user who does not exist', async () => {
    const out = await alike(
      (uid) => setRoProfileHandler(asUser('drc1', { uid, areas: ['Galle'], capacity: null })),
      'demo-ro3',
    );
    expect(out.code).toBe('not-found');
  });

  it('submitRequest checks the scope before the customer’s lease, so a lease tells nothing about foreign cases', async () => {
    // The officer holds X1's customer; ro1 (drc1) may not see X1.
    expect((await call('acquireCaseLease', 'officer', { caseId: 'X1' })).acquired).toBe(true);
    const payload = { action: 'recordContact', result: 'no_answer', inputs: { channel: 'phone' }, expectedRev: 3 };
    const out = await alike(
      (caseId) =>
        submitRequestHandler(asUser('ro1', { type: 'caseAction', caseId, payload, clientRequestId: randomUUID() })),
      'X1',
    );
    expect(out.code).toBe('not-found');
    expect(JSON.stringify(out)).not.toContain('Oshadi');
    await call('releaseCaseLease', 'officer', { caseId: 'X1' });
  });

  it('jobBasketCounts and dashboardFigures give RCMP and the mediation board no directory of DRCs and ROs', async () => {
    for (const who of ['rcmp', 'board']) {
      const counts = await jobBasketCountsHandler(asUser(who, {}));
      expect([counts.drcs, counts.ros]).toEqual([[], []]);
      const dash = await dashboardHandler(asUser(who));
      expect([dash.drcs, dash.ros]).toEqual([[], []]);
      for (const name of ['Roshan', 'Ravindu', 'Rukshani']) {
        expect(JSON.stringify(counts)).not.toContain(name);
        expect(JSON.stringify(dash)).not.toContain(name);
      }
    }
    // The operator's staff keep theirs; a DRC admin keeps their own DRC's ROs.
    expect((await jobBasketCountsHandler(asUser('officer', {}))).ros.length).toBeGreaterThan(0);
    const drc = await jobBasketCountsHandler(asUser('drc1', {}));
    expect(new Set(drc.ros.map((r) => r.drcId))).toEqual(new Set(['drc1']));
  });
});
