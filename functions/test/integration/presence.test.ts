import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { LEASE_SECONDS, leaseTerms } from '../../src/services/presence';
import { apiCase, call, putCases } from '../support/apiCases';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const submitRequestHandler = handlerOf('submitRequest');

/**
 * Live presence (docs/decisions/0016): one lease per customer; while it is live nobody else records contact with
 * them.
 */
beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    apiCase('P1', 'NEGOTIATION'),
    // Another case of the same customer (another account), worked by another RO of another DRC.
    apiCase('P2', 'NEGOTIATION', { customerKey: 'cust-P1', drcId: 'drc2', roId: 'demo-ro3' }),
    apiCase('P3', 'NEGOTIATION'),
  ]);
});
afterAll(cleanupTriggers);

const contact = (caseId: string, user = 'ro1') =>
  call('recordContact', user, {
    caseId,
    expectedRev: 3,
    clientRequestId: randomUUID(),
    result: 'no_answer',
    channel: 'phone',
  });

it('gives the lease to the first user and shows them to the next, who may not take it', async () => {
  const first = await call('acquireCaseLease', 'ro1', { caseId: 'P1' });
  expect(first).toMatchObject({ acquired: true, lease: { mine: true, onThisCase: true, holder: { uid: 'demo-ro1' } } });
  const officer = await call('acquireCaseLease', 'officer', { caseId: 'P1' });
  expect(officer).toMatchObject({
    acquired: false,
    lease: { mine: false, onThisCase: true, holder: { displayName: 'Roshan Perera', role: 'ro' } },
  });
  expect((await call('whoIsOnCase', 'auditor', { caseId: 'P1' })).lease.holder.uid).toBe('demo-ro1');
});

it('holds the customer across their cases, naming the holder of another case only to those who may see it', async () => {
  const other = await call('acquireCaseLease', 'ro3', { caseId: 'P2' });
  expect(other).toMatchObject({ acquired: false, lease: { holder: null, onThisCase: false } });
  // ro3 works for another DRC: nothing of the competitor's RO or case reaches them.
  for (const secret of ['P1', 'demo-ro1', 'Roshan', 'drc1']) expect(JSON.stringify(other)).not.toContain(secret);
  const refused = await contact('P2', 'ro3').catch((e: Error & { details: unknown }) => e);
  expect(refused).toMatchObject({ code: 'failed-precondition', details: { reason: 'lease-held', holder: null } });
  expect(refused.message).toMatch(/^Another user is working with this customer/);
  for (const secret of ['demo-ro1', 'Roshan'])
    expect(JSON.stringify([refused.message, refused.details])).not.toContain(secret);
  // The operator's staff see every case, so they are told who it is.
  const officer = await call('whoIsOnCase', 'officer', { caseId: 'P2' });
  expect(officer.lease).toMatchObject({ holder: { uid: 'demo-ro1' }, onThisCase: false });
});

it('lets the holder record contact and renew, and frees the customer on release', async () => {
  expect(await contact('P1')).toMatchObject({ state: 'PENDING' });
  const renewed = await call('renewCaseLease', 'ro1', { caseId: 'P1' });
  expect(renewed.acquired).toBe(true);
  expect(await call('releaseCaseLease', 'officer', { caseId: 'P1' })).toEqual({ released: false });
  expect(await call('releaseCaseLease', 'ro1', { caseId: 'P1' })).toEqual({ released: true });
  expect((await call('whoIsOnCase', 'ro1', { caseId: 'P1' })).lease).toBeNull();
  expect(await contact('P2', 'ro3')).toMatchObject({ state: 'PENDING' });
});

it('lets a lease lapse after its time, so a closed tab never blocks the customer for good', async () => {
  const past = new Date(Date.now() - (LEASE_SECONDS + 5) * 1000).toISOString();
  await firestore()
    .collection(COL.presence)
    .doc('cust-P3')
    .set({
      customerKey: 'cust-P3',
      caseId: 'P3',
      holder: { uid: 'demo-officer', displayName: 'Oshadi Officer', role: 'recovery_officer' },
      acquiredAt: past,
      renewedAt: past,
      expiresAt: new Date(Date.now() - 5000).toISOString(),
    });
  expect((await call('whoIsOnCase', 'ro1', { caseId: 'P3' })).lease).toBeNull();
  expect(await contact('P3')).toMatchObject({ state: 'PENDING' });
  expect((await call('acquireCaseLease', 'ro1', { caseId: 'P3' })).acquired).toBe(true);
});

it('applies the case scope: nobody takes a lease on a case they may not see', async () => {
  await expect(call('acquireCaseLease', 'ro2', { caseId: 'P1' })).rejects.toMatchObject({ code: 'not-found' });
  await expect(call('acquireCaseLease', 'auditor', { caseId: 'P1' })).rejects.toMatchObject({
    code: 'permission-denied',
  });
  await expect(call('whoIsOnCase', 'drc2', { caseId: 'P1' })).rejects.toMatchObject({ code: 'not-found' });
  await expect(call('acquireCaseLease', null, { caseId: 'P1' })).rejects.toMatchObject({ code: 'unauthenticated' });
});

it('refuses a contact submitted through submitRequest (the web) while another user holds the customer', async () => {
  expect((await call('acquireCaseLease', 'officer', { caseId: 'P3' })).acquired).toBe(false); // ro1 holds P3
  await putCases([apiCase('P4', 'NEGOTIATION')]);
  expect((await call('acquireCaseLease', 'officer', { caseId: 'P4' })).acquired).toBe(true);
  const body = {
    type: 'caseAction',
    caseId: 'P4',
    payload: { action: 'recordContact', result: 'no_answer', inputs: { channel: 'phone' }, expectedRev: 3 },
    clientRequestId: randomUUID(),
  };
  await expect(submitRequestHandler(asUser('ro1', body))).rejects.toMatchObject({
    code: 'failed-precondition',
    details: { reason: 'lease-held', holder: { uid: 'demo-officer' } },
  });
  await call('releaseCaseLease', 'officer', { caseId: 'P4' });
  expect(await submitRequestHandler(asUser('ro1', { ...body, clientRequestId: randomUUID() }))).toHaveProperty(
    'requestId',
  );
});

it('customer lock in the request trigger: a request document written directly is refused while another holds the customer', async () => {
  await putCases([
    apiCase('P5', 'NEGOTIATION'),
    apiCase('P6', 'NEGOTIATION', { customerKey: 'cust-P5', drcId: 'drc2', roId: 'demo-ro3' }),
  ]);
  expect((await call('acquireCaseLease', 'ro3', { caseId: 'P6' })).acquired).toBe(true);
  // What the full-stack web client writes: a request document, straight into Firestore (rules allow it).
  const write = async (id: string) => {
    await firestore()
      .collection(COL.requests)
      .doc(id)
      .set({
        type: 'caseAction',
        caseId: 'P5',
        payload: { action: 'recordContact', result: 'no_answer', inputs: { channel: 'phone' } },
        clientRequestId: id,
        createdBy: 'demo-ro1',
        state: 'PENDING',
      });
    await deliverRequestCreated(id);
    return (await firestore().collection(COL.requests).doc(id).get()).data()!;
  };
  const refused = await write(`direct-${randomUUID()}`);
  expect(refused).toMatchObject({ state: 'REJECTED', error: { code: 'lease-held' } });
  expect(refused.error.message).toMatch(/another user is working with this customer/i);
  // The holder is of another DRC: the refusal names nobody.
  expect(JSON.stringify(refused.error)).not.toMatch(/ro3|Ravindu|P6/);
  await call('releaseCaseLease', 'ro3', { caseId: 'P6' });
  expect(await write(`direct-${randomUUID()}`)).toMatchObject({ state: 'APPLIED' });
});

it('lease hold limit: past the configured longest hold a renewal is refused and a waiting user of another DRC takes it', async () => {
  await putCases([
    apiCase('P7', 'NEGOTIATION'),
    apiCase('P8', 'NEGOTIATION', { customerKey: 'cust-P7', drcId: 'drc2', roId: 'demo-ro3' }),
  ]);
  expect((await call('acquireCaseLease', 'ro1', { caseId: 'P7' })).acquired).toBe(true);
  expect((await call('acquireCaseLease', 'ro3', { caseId: 'P8' })).acquired).toBe(false);
  // ro1 has held the customer, renewing every time, for just under the limit: the renewal still holds it.
  const ref = firestore().collection(COL.presence).doc('cust-P7');
  const ago = (s: number) => new Date(Date.now() - s * 1000).toISOString();
  const { maxHoldSeconds } = leaseTerms();
  expect(maxHoldSeconds).toBe(30 * 60);
  await ref.update({ acquiredAt: ago(maxHoldSeconds - 60) });
  expect(await call('renewCaseLease', 'ro1', { caseId: 'P7' })).toMatchObject({ acquired: true, refusal: null });
  await ref.update({ acquiredAt: ago(maxHoldSeconds + 1) });
  const capped = await call('renewCaseLease', 'ro1', { caseId: 'P7' });
  expect(capped).toMatchObject({ acquired: false, refusal: 'hold-limit', lease: null, maxHoldSeconds });
  expect(await call('releaseCaseLease', 'ro1', { caseId: 'P7' })).toEqual({ released: false });
  expect((await call('acquireCaseLease', 'ro1', { caseId: 'P7' })).refusal).toBe('hold-limit');
  // The waiting user of the other DRC gets the customer; the first holder now waits in turn.
  expect(await call('acquireCaseLease', 'ro3', { caseId: 'P8' })).toMatchObject({ acquired: true, refusal: null });
  expect(await call('acquireCaseLease', 'ro1', { caseId: 'P7' })).toMatchObject({ acquired: false, refusal: 'held' });
});
