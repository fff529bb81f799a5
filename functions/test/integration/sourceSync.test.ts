import { randomUUID } from 'node:crypto';
import functionsTest from 'firebase-functions-test';
import { COL, firestore } from '../../src/data/db';
import type { CaseState } from '../../src/domain/model/case';
import { signBody } from '../../src/domain/sync/signature';
import { syncDataLake } from '../../src/services/lakeSync';
import { SOURCE_CHANGES, type SourceChangeDoc } from '../../src/services/sourceSync';
import type { LakePage } from '../../src/sources/lakeFeed';
import { parseLakePage } from '../../src/sources/lakeFeed';
import { onSourceChangeCreated } from '../../src/triggers/onSourceChangeCreated';
import { handleSourceWebhook } from '../../src/webhooks/sourceWebhook';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverCaseCreated, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const getRequestHandler = handlerOf('getRequest');
const submitRequestHandler = handlerOf('submitRequest');

const fft = functionsTest({ projectId: process.env.GCLOUD_PROJECT });
const changeTrigger = fft.wrap(onSourceChangeCreated);
const SECRET = 'test-webhook-secret';

/** Calls the webhook handler as the HTTPS function would, with a raw body, and returns status and JSON. */
async function post(body: unknown, sign: { secret?: string; ageS?: number } = {}) {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const nowMs = Date.now();
  const ts = Math.floor(nowMs / 1000) - (sign.ageS ?? 0);
  const headers: Record<string, string> = {
    'x-debtx-timestamp': String(ts),
    'x-debtx-signature': signBody(sign.secret ?? SECRET, ts, raw),
  };
  let status = 0;
  let json: Record<string, unknown> = {};
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    json(b: unknown) {
      json = b as Record<string, unknown>;
      return res;
    },
    set: () => res,
  };
  await handleSourceWebhook({ method: 'POST', rawBody: raw, get: (n) => headers[n.toLowerCase()] }, res, nowMs);
  return { status, json };
}

async function deliverChange(id: string, eventId = `evt-${id}`) {
  const snap = await firestore().collection(SOURCE_CHANGES).doc(id).get();
  await changeTrigger({ data: snap, params: { changeId: id }, id: eventId });
}
const readCase = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).data() as CaseState;
const readChange = async (id: string) =>
  (await firestore().collection(SOURCE_CHANGES).doc(id).get()).data() as SourceChangeDoc;
async function auditCount(caseId: string) {
  return (await firestore().collection(COL.audit).where('entity', '==', `cases/${caseId}`).get()).size;
}
async function countAll(col: string) {
  return (await firestore().collection(col).get()).size;
}

async function registerCase(accountNumber: string): Promise<string> {
  const { requestId } = await submitRequestHandler(
    asUser('officer', {
      type: 'registerCase',
      payload: { accountNumber, requiredAction: 'arrears_cpe' },
      clientRequestId: randomUUID(),
    }),
  );
  await deliverRequestCreated(requestId);
  const request = await getRequestHandler(asUser('officer', { requestId }));
  await deliverCaseCreated(request.caseId!);
  return request.caseId!;
}

beforeAll(async () => {
  process.env.SOURCE_WEBHOOK_SECRET = SECRET;
  await seedOrganisation();
});
afterAll(() => {
  delete process.env.SOURCE_WEBHOOK_SECRET;
  cleanupTriggers();
  fft.cleanup();
});

describe('source webhook', () => {
  const account = '0055500001';
  let caseId = '';
  const payment = {
    source: 'bss',
    kind: 'payment',
    eventId: 'bss-pay-1',
    accountNumber: account,
    occurredAt: '2026-11-20T09:00:00Z',
    paymentId: 'RCPT-1',
    amountCents: 12_500,
    paidOn: '2026-11-20',
    method: 'cash',
  };

  beforeAll(async () => {
    caseId = await registerCase(account);
  });

  it('refuses a bad signature, a replay and a bad body, writing nothing', async () => {
    const before = await countAll(SOURCE_CHANGES);
    const forged = await post(payment, { secret: 'guessed' });
    expect(forged.status).toBe(401);
    expect(forged.json.message).toContain('does not match');
    expect((await post(payment, { ageS: 900 })).status).toBe(401);
    const bad = await post({ ...payment, amountCents: 'lots', paidOn: '20/11/2026' });
    expect(bad.status).toBe(400);
    expect(bad.json.fields).toMatchObject({ amountCents: expect.any(String), paidOn: expect.any(String) });
    expect((await post('{not json')).status).toBe(400);
    expect(await countAll(SOURCE_CHANGES)).toBe(before);
  });

  it('a signed payment reaches the open case once, however often it is delivered', async () => {
    const before = await readCase(caseId);
    const audits = await auditCount(caseId);
    const first = await post(payment);
    expect(first).toEqual({ status: 202, json: { changeId: 'bss:bss-pay-1', status: 'accepted' } });
    const again = await post(payment); // the source retried
    expect(again).toEqual({ status: 200, json: { changeId: 'bss:bss-pay-1', status: 'duplicate' } });
    await deliverChange('bss:bss-pay-1');
    await deliverChange('bss:bss-pay-1', 'evt-redelivered'); // the trigger delivered twice
    const after = await readCase(caseId);
    expect(after.paidCents).toBe(before.paidCents + 12_500);
    expect(after.payments.filter((p) => p.reference === 'bss:RCPT-1')).toHaveLength(1);
    expect(await auditCount(caseId)).toBe(audits + 1);
    const doc = await readChange('bss:bss-pay-1');
    expect(doc.state).toBe('APPLIED');
    expect(doc.results).toEqual([{ caseId, outcome: 'applied', reason: null }]);
  });

  it('account statuses applied in reverse order leave the newest one', async () => {
    const statuses = [
      ['suspended', '2026-11-20T08:00:00Z'],
      ['disconnected', '2026-11-20T09:00:00Z'],
      ['active', '2026-11-20T10:00:00Z'],
    ] as const;
    for (const [status, occurredAt] of [...statuses].reverse()) {
      const r = await post({
        source: 'bss',
        kind: 'accountStatus',
        eventId: `st-${status}`,
        accountNumber: account,
        occurredAt,
        status,
      });
      expect(r.status).toBe(202);
      await deliverChange(`bss:st-${status}`);
    }
    expect((await readCase(caseId)).accountStatus).toBe('active');
    expect((await readChange('bss:st-suspended')).results[0]).toMatchObject({ outcome: 'unchanged' });
  });

  it('a change for an account with no open case is kept and says so', async () => {
    const r = await post({ ...payment, eventId: 'bss-pay-x', accountNumber: '0055599999', paymentId: 'RCPT-X' });
    expect(r.status).toBe(202);
    await deliverChange('bss:bss-pay-x');
    expect((await readChange('bss:bss-pay-x')).state).toBe('NO_OPEN_CASE');
  });
});

describe('data lake sync', () => {
  const feed = (after: string): LakePage => {
    const pages: Record<string, unknown> = {
      '': {
        items: [
          {
            type: 'incident',
            incidentId: 'INC-1',
            accountNumber: '0055500011',
            requiredAction: 'arrears',
            raisedAt: '2026-11-20T01:00:00Z',
          },
          {
            type: 'incident',
            incidentId: 'INC-2',
            accountNumber: 'not-an-account',
            requiredAction: 'arrears',
            raisedAt: '2026-11-20T01:00:00Z',
          },
        ],
        next: 'c1',
      },
      c1: {
        items: [
          {
            type: 'change',
            change: {
              source: 'lake',
              kind: 'accountStatus',
              eventId: 'lk-1',
              accountNumber: '0055500011',
              occurredAt: '2026-11-20T02:00:00Z',
              status: 'suspended',
            },
          },
        ],
        next: 'c2',
      },
      c2: { items: [], next: 'c2' },
    };
    return parseLakePage(pages[after], after);
  };

  it('registers each new incident once, records changes, reports bad items and keeps its cursor', async () => {
    const first = await syncDataLake(async (after) => feed(after), '2026-11-20T03:00:00.000Z');
    expect(first).toMatchObject({ incidents: 1, newRequests: 1, changes: 1, newChanges: 1, problems: 1 });
    const request = (await firestore().collection(COL.requests).doc('lake-INC-1').get()).data()!;
    expect(request).toMatchObject({ type: 'registerCase', state: 'PENDING', createdBy: 'integration-data-lake' });
    await deliverRequestCreated('lake-INC-1');
    expect((await firestore().collection(COL.requests).doc('lake-INC-1').get()).get('state')).toBe('APPLIED');
    const state = (await firestore().collection(COL.meta).doc('dataLakeSync').get()).data()!;
    expect(state.cursor).toBe('c2');
    expect(state.problems[0]).toContain('item 2 after cursor ""');

    // A second run from the stored cursor finds nothing new; a full re-read from the start duplicates nothing.
    const second = await syncDataLake(async (after) => feed(after), '2026-11-20T03:10:00.000Z');
    expect(second).toMatchObject({ pages: 1, newRequests: 0, newChanges: 0 });
    await firestore().collection(COL.meta).doc('dataLakeSync').set({ cursor: '' }, { merge: true });
    const reread = await syncDataLake(async (after) => feed(after), '2026-11-20T03:20:00.000Z');
    expect(reread).toMatchObject({ incidents: 1, newRequests: 0, changes: 1, newChanges: 0 });
  });
});
