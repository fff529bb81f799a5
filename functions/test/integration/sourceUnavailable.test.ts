import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { processRequest } from '../../src/services/processRequest';
import { HttpSource } from '../../src/sources/httpSource';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const submitRequestHandler = handlerOf('submitRequest');

/**
 * A registration whose source systems fail writes nothing but the request's rejection: a failing
 * source never leaves a half-filled case. The account lookup happens before the transaction, with retries.
 *
 * The fake source systems live outside this package's rootDir (see httpSource.test.ts), so they are loaded at
 * run time and described here by the members the test uses.
 */
interface FakeSources {
  url: string;
  setMode(mode: 'ok' | 'timeout' | '500' | 'malformed' | 'flaky', system?: 'bss' | 'oss' | 'crm' | 'all'): void;
  hits(): Record<'bss' | 'oss' | 'crm', number>;
  stop(): Promise<void>;
}
type StartFakeSources = (port: number) => Promise<FakeSources>;
const FAKE_SOURCES = '../../../scripts/lib/fakeSources';

let fake: FakeSources;
const savedEnv = { ...process.env };

beforeAll(async () => {
  await seedOrganisation();
  fake = await ((await import(FAKE_SOURCES)) as { startFakeSources: StartFakeSources }).startFakeSources(0);
});
afterAll(async () => {
  for (const k of ['ACCOUNT_SOURCE', 'SOURCE_BASE_URL']) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  cleanupTriggers();
  await fake.stop();
});

async function counts(): Promise<Record<string, number>> {
  const [cases, openCases, audit] = await Promise.all(
    [COL.cases, COL.openCases, COL.audit].map(async (c) => (await firestore().collection(c).get()).size),
  );
  return { cases: cases!, openCases: openCases!, audit: audit! };
}

async function submitRegistration(accountNumber: string): Promise<string> {
  const { requestId } = await submitRequestHandler(
    asUser('officer', {
      type: 'registerCase',
      payload: { accountNumber, requiredAction: 'arrears_cpe' },
      clientRequestId: randomUUID(),
    }),
  );
  return requestId;
}

const requestDoc = async (id: string) => (await firestore().collection(COL.requests).doc(id).get()).data()!;

describe('registration when the source systems fail', () => {
  it('BSS answering 500 on every attempt: the request is REJECTED (source-unavailable) and no case exists', async () => {
    const account = '0033300011';
    fake.setMode('500', 'bss');
    const requestId = await submitRegistration(account);
    const before = await counts();
    const hitsBefore = fake.hits().bss;

    const outcome = await processRequest(
      requestId,
      await requestDoc(requestId),
      { source: new HttpSource({ baseUrl: fake.url, timeoutMs: 1_000 }), now: () => new Date().toISOString() },
      'evt-source-500',
    );

    expect(outcome).toBe('rejected');
    const request = await requestDoc(requestId);
    expect(request.state).toBe('REJECTED');
    expect(request.error).toEqual({
      code: 'source-unavailable',
      message: `The source systems did not answer for account ${account}: BSS answered HTTP 500. Try again later.`,
    });
    // lookupWithRetry tried three times before giving up.
    expect(fake.hits().bss - hitsBefore).toBe(3);
    expect(await counts()).toEqual(before);
    expect((await firestore().collection(COL.cases).where('accountNumber', '==', account).get()).size).toBe(0);
    expect((await firestore().collection(COL.openCases).doc(`${account}_arrears_cpe`).get()).exists).toBe(false);
  });

  it('through the real trigger with ACCOUNT_SOURCE=http: a malformed CRM record is refused, naming the field', async () => {
    process.env.ACCOUNT_SOURCE = 'http';
    process.env.SOURCE_BASE_URL = fake.url;
    fake.setMode('ok');
    fake.setMode('malformed', 'crm');
    const account = '0033300022';
    const requestId = await submitRegistration(account);
    const before = await counts();
    const crmHits = fake.hits().crm;
    await deliverRequestCreated(requestId);
    const request = await requestDoc(requestId);
    expect(request.state).toBe('REJECTED');
    expect(request.error.code).toBe('source-inconsistent');
    expect(request.error.message).toContain('CRM: name is missing');
    // A malformed record is the same on every attempt: asked once, not retried with backoff.
    expect(fake.hits().crm - crmHits).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it('through the real trigger with ACCOUNT_SOURCE=http: a flaky source is retried and the case is registered', async () => {
    process.env.ACCOUNT_SOURCE = 'http';
    process.env.SOURCE_BASE_URL = fake.url;
    fake.setMode('flaky');
    const account = '0033300033';
    const requestId = await submitRegistration(account);
    await deliverRequestCreated(requestId);
    const request = await requestDoc(requestId);
    expect(request).toMatchObject({ state: 'APPLIED', error: null });
    const c = (
      await firestore()
        .collection(COL.cases)
        .doc(request.caseId as string)
        .get()
    ).data()!;
    expect(c.accountNumber).toBe(account);
    expect(c.products.length).toBeGreaterThan(0);
    expect(c.cpe.length).toBe(c.products.length);
  });
});
