import { processRequest } from '../../src/services/processRequest';
import { demoSource } from '../../src/sources/demoSource';
import type { AccountSource } from '../../src/sources/types';
import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverCaseCreated, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const submitRequestHandler = handlerOf('submitRequest');

beforeAll(seedOrganisation);
afterAll(cleanupTriggers);

async function auditCount(caseId: string): Promise<number> {
  return (await firestore().collection(COL.audit).where('entity', '==', `cases/${caseId}`).get()).size;
}

describe('triggers are idempotent: the same event twice does the work once', () => {
  it('a redelivered request event creates one case and one audit event', async () => {
    const clientRequestId = randomUUID();
    await submitRequestHandler(
      asUser('officer', {
        type: 'registerCase',
        payload: { accountNumber: '0055500011', requiredAction: 'cpe' },
        clientRequestId,
      }),
    );
    await deliverRequestCreated(clientRequestId, 'event-1');
    await deliverRequestCreated(clientRequestId, 'event-1');
    await deliverRequestCreated(clientRequestId, 'event-2-after-relay-restart');
    const cases = await firestore().collection(COL.cases).where('accountNumber', '==', '0055500011').get();
    expect(cases.size).toBe(1);
    const caseId = cases.docs[0]!.id;
    expect(await auditCount(caseId)).toBe(1);
    const request = await firestore().collection(COL.requests).doc(clientRequestId).get();
    expect(request.get('processedEventId')).toBe('event-1');

    await deliverCaseCreated(caseId, 'case-event-1');
    const drcId = (await firestore().collection(COL.cases).doc(caseId).get()).get('drcId') as string;
    const openBefore = (await firestore().collection(COL.drcs).doc(drcId).get()).get('openCases') as number;
    await deliverCaseCreated(caseId, 'case-event-1');
    await deliverCaseCreated(caseId, 'case-event-2');
    expect((await firestore().collection(COL.drcs).doc(drcId).get()).get('openCases')).toBe(openBefore);
    expect(await auditCount(caseId)).toBe(2);
  });

  it('a redelivery with the stale PENDING snapshot does not ask the source systems again', async () => {
    const clientRequestId = randomUUID();
    await submitRequestHandler(
      asUser('officer', {
        type: 'registerCase',
        payload: { accountNumber: '0055500012', requiredAction: 'arrears' },
        clientRequestId,
      }),
    );
    const stale = (await firestore().collection(COL.requests).doc(clientRequestId).get()).data();
    let asked = 0;
    const counting: AccountSource = {
      name: 'counting',
      lookup: async (account) => {
        asked += 1;
        return demoSource.lookup(account);
      },
    };
    const deps = { source: counting, now: () => new Date().toISOString() };
    expect(await processRequest(clientRequestId, stale, deps, 'event-a')).toBe('applied');
    expect(await processRequest(clientRequestId, stale, deps, 'event-b')).toBe('skipped');
    expect(asked).toBe(1);
  });

  it('a retried submission with the same client id is the same request, not a second one', async () => {
    const clientRequestId = randomUUID();
    const body = {
      type: 'registerCase',
      payload: { accountNumber: '0055500022', requiredAction: 'arrears' },
      clientRequestId,
    };
    const first = await submitRequestHandler(asUser('officer', body));
    const second = await submitRequestHandler(asUser('officer', body));
    expect(second).toEqual(first);
    await expect(submitRequestHandler(asUser('supervisor', body))).rejects.toMatchObject({ code: 'already-exists' });
  });

  it('refuses malformed callable input with field errors and writes nothing', async () => {
    const before = (await firestore().collection(COL.requests).get()).size;
    await expect(
      submitRequestHandler(
        asUser('officer', {
          type: 'registerCase',
          payload: { accountNumber: '12ab', requiredAction: 'everything' },
          clientRequestId: randomUUID(),
        }),
      ),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      details: {
        fields: {
          accountNumber: 'must be exactly 10 digits (e.g. 0041234567)',
          requiredAction: 'must be one of arrears, cpe, arrears_cpe',
        },
      },
    });
    await expect(
      submitRequestHandler(asUser('ro1', { type: 'registerCase', payload: {}, clientRequestId: randomUUID() })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(submitRequestHandler({ auth: undefined, data: {} })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect((await firestore().collection(COL.requests).get()).size).toBe(before);
  });
});
