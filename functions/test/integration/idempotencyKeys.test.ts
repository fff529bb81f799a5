import { randomUUID } from 'node:crypto';
import { restHandler, type RestRequest } from '../../src/api/rest';
import { COL, firestore } from '../../src/data/db';
import { apiCase, putCases } from '../support/apiCases';
import { asUser, demoActor, seedOrganisation } from '../support/fixtures';
import { recordingResponse } from '../support/restResponse';
import { handlerOf } from '../support/operationCall';

const submitRequestHandler = handlerOf('submitRequest');
const recallCasesHandler = handlerOf('recallCases');

/**
 * Idempotency keys bind to their write: a key reused with another type, case or payload is refused with
 * ALREADY_EXISTS naming the key; the same key with the same body returns the first outcome.
 */

// The REST surface with a token verifier that knows the demo users (the token is the demo user's key).
const rest = restHandler(async (token) => {
  const a = demoActor(token);
  return { uid: a.uid, role: a.role, drcId: a.drcId ?? undefined, name: a.displayName };
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test asserts the shape it reads
type Sent = { status: number; body: any; headers: Record<string, string> };
async function post(path: string, user: string, body: unknown): Promise<Sent> {
  const { res, sent } = recordingResponse<Sent['body']>();
  const req: RestRequest = { method: 'POST', path, query: {}, body, headers: { authorization: `Bearer ${user}` } };
  await rest(req, res);
  return sent;
}
const requestDoc = async (id: string) => (await firestore().collection(COL.requests).doc(id).get()).data();
const payment = (caseId: string, key: string, amountCents = 10_000) => ({
  type: 'caseAction',
  caseId,
  clientRequestId: key,
  payload: {
    action: 'recordPayment',
    result: 'received',
    inputs: { amountCents, paidOn: '2026-11-02', method: 'cash', reference: `R-${key.slice(0, 8)}` },
  },
});

beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    apiCase('IK1', 'NEGOTIATION'),
    apiCase('IK2', 'NEGOTIATION'),
    apiCase('IK3', 'NEGOTIATION'),
    apiCase('IK4', 'NEGOTIATION'),
  ]);
});

describe('idempotency keys bind to their write', () => {
  it('submitRequest: a key reused on another case is refused naming the key; the same body returns the first', async () => {
    const key = randomUUID();
    const first = await submitRequestHandler(asUser('ro1', payment('IK1', key)));
    expect(first).toEqual({ requestId: key });
    expect(await submitRequestHandler(asUser('ro1', payment('IK1', key)))).toEqual({ requestId: key });
    for (const other of [
      payment('IK2', key),
      payment('IK1', key, 20_000),
      { ...payment('IK1', key), type: 'completeTask', payload: { taskId: 't1' } },
    ]) {
      await expect(submitRequestHandler(asUser('ro1', other))).rejects.toMatchObject({
        code: 'already-exists',
        message: `The key ${key} was already used for a different request.`,
      });
    }
    // The first request is untouched: still the payment on IK1, still waiting to be applied.
    expect(await requestDoc(key)).toMatchObject({
      caseId: 'IK1',
      state: 'PENDING',
      payload: payment('IK1', key).payload,
    });
  });

  it('REST write: a key reused on another case answers 409 naming the key, not PENDING for a write never made', async () => {
    const key = randomUUID();
    const body = {
      expectedRev: 3,
      clientRequestId: key,
      amountCents: 10_000,
      paidOn: '2026-11-02',
      method: 'cash',
      reference: 'R-1',
    };
    const first = await post('/api/v1/cases/IK1/payments', 'ro1', body);
    expect(first).toMatchObject({ status: 200, body: { requestId: key, state: 'PENDING' } });
    expect(await post('/api/v1/cases/IK1/payments', 'ro1', body)).toMatchObject({
      status: 200,
      body: { requestId: key },
    });
    const elsewhere = await post('/api/v1/cases/IK3/payments', 'ro1', body);
    expect(elsewhere).toMatchObject({
      status: 409,
      body: {
        error: { status: 'ALREADY_EXISTS', message: `The key ${key} was already used for a different request.` },
      },
    });
    const otherAmount = await post('/api/v1/cases/IK1/payments', 'ro1', { ...body, amountCents: 99_000 });
    expect(otherAmount.status).toBe(409);
    expect((await requestDoc(key))!.caseId).toBe('IK1');
  });

  it('request document written directly by a client: a later submission with its key is compared with its fields', async () => {
    const key = randomUUID();
    const direct = payment('IK1', key);
    // What firestore.rules let a full-stack client create: the request's own fields, no fingerprint.
    await firestore()
      .collection(COL.requests)
      .doc(key)
      .create({
        ...direct,
        createdBy: 'demo-ro1',
        createdAt: new Date().toISOString(),
        state: 'PENDING',
        error: null,
        appliedAt: null,
      });
    expect(await submitRequestHandler(asUser('ro1', direct))).toEqual({ requestId: key });
    await expect(submitRequestHandler(asUser('ro1', payment('IK2', key)))).rejects.toMatchObject({
      code: 'already-exists',
      message: `The key ${key} was already used for a different request.`,
    });
  });

  it('bulk operationId: reused with another input is refused naming the key', async () => {
    const operationId = randomUUID();
    const input = { operationId, caseIds: ['IK4'], reason: 'Contract ended' };
    const first = await recallCasesHandler(asUser('officer', input));
    expect(await recallCasesHandler(asUser('officer', input))).toEqual(first);
    await expect(recallCasesHandler(asUser('officer', { ...input, reason: 'Another reason' }))).rejects.toMatchObject({
      code: 'already-exists',
      message: `The key ${operationId} was already used for a different request.`,
    });
  });
});
