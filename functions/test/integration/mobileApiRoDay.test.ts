import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { restHandler, type RestRequest } from '../../src/api/rest';
import { COL, firestore } from '../../src/data/db';
import { handleCpePhoto } from '../../src/webhooks/cpePhotos';
import { apiCase, call, putCases } from '../support/apiCases';
import { seedOrganisation } from '../support/fixtures';
import { recordingResponse, type Sent } from '../support/restResponse';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';

/**
 * The RO's whole day over the mobile API: a contact with its date and reason of delinquency, a failed CPE
 * collection, a validity extension request, a settlement above the RO's limit sent to a supervisor, and a CPE
 * collection with its place and photo (stored on disk, as on the local stacks). Every slip a tired user makes is
 * refused at once and writes nothing.
 */
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const assignedAt = new Date(Date.now() - 10 * DAY).toISOString();

const photoDir = mkdtempSync(join(tmpdir(), 'debtx-photos-'));
process.env.CPE_PHOTO_DIR = photoDir;
process.env.CPE_PHOTO_URL = 'http://127.0.0.1:5001/demo-debtx/asia-south1/cpePhotos';
process.env.CPE_PHOTO_SECRET = 'a-local-test-secret-of-some-length';

const assigned = (id: string, status = 'NEGOTIATION') =>
  apiCase(id, status, {
    assignment: {
      drcAssignedAt: assignedAt,
      drcReason: 'test',
      roAssignedAt: assignedAt,
      roAssignedBy: 'demo-drc1',
      validUntil: new Date(Date.now() + 20 * DAY).toISOString(),
    },
  });

beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    assigned('D1'),
    assigned('D2'),
    assigned('D3'),
    assigned('D4'),
    assigned('D5'),
    apiCase('DX', 'NEGOTIATION', { drcId: 'drc2', roId: 'demo-ro3' }),
  ]);
});
afterAll(async () => {
  await cleanupTriggers();
  rmSync(photoDir, { recursive: true, force: true });
});

const caseDoc = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).data()!;
const requestCount = async () => (await firestore().collection(COL.requests).get()).size;
const write = async (id: string) => ({
  caseId: id,
  expectedRev: (await caseDoc(id)).rev,
  clientRequestId: randomUUID(),
});

/** Calls, expecting a refusal; checks that nothing was written; returns the refusal. */
async function refusedWritingNothing(name: string, user: string, data: unknown) {
  const before = await requestCount();
  const error = await call(name, user, data).then(
    () => null,
    (e: { code: string; details?: { fields?: Record<string, string> } }) => e,
  );
  expect(error).not.toBeNull();
  expect(await requestCount()).toBe(before);
  return error!;
}

async function applied(user: string, out: { requestId: string }) {
  await deliverRequestCreated(out.requestId);
  return call('getRequestStatus', user, { requestId: out.requestId });
}

describe('a contact with its date and the reason of delinquency', () => {
  it('keeps the reason on the case and in its history, and the day the contact happened', async () => {
    const out = await call('recordContact', 'ro1', {
      ...(await write('D1')),
      result: 'call_back',
      channel: 'visit',
      delinquencyReason: 'job_loss',
      contactedOn: day(-2),
    });
    expect(out).toMatchObject({ state: 'PENDING', recordedAs: 'call_back' });
    expect(await applied('ro1', out)).toMatchObject({ state: 'APPLIED' });
    const c = await caseDoc('D1');
    expect(c.characteristics.delinquencyReason).toBe('job_loss');
    expect(c.lastContact).toMatchObject({ contactedOn: day(-2), channel: 'visit' });
    const history = await call('customerNegotiations', 'ro1', { caseId: 'D1' });
    expect(history.items[0]).toMatchObject({
      action: 'recordContact',
      result: 'call_back',
      inputs: { delinquencyReason: 'job_loss', contactedOn: day(-2) },
    });
  });

  it('dates a contact today when no date is given', async () => {
    const out = await call('recordContact', 'ro1', { ...(await write('D1')), result: 'no_answer', channel: 'phone' });
    await applied('ro1', out);
    expect((await caseDoc('D1')).lastContact.contactedOn).toBe(day(0));
  });

  it.each([
    ['a contact date in the future', { contactedOn: day(1) }, 'cannot be in the future'],
    ['a contact date before the case was assigned', { contactedOn: day(-30) }, expect.stringContaining('assigned')],
    ['an impossible date', { contactedOn: '2026-02-30' }, expect.any(String)],
    ['an unknown reason', { delinquencyReason: 'aliens' }, expect.stringContaining('must be one of')],
  ])('refuses %s at once, writing nothing', async (_what, over, reason) => {
    const field = Object.keys(over)[0]!;
    const error = await refusedWritingNothing('recordContact', 'ro1', {
      ...(await write('D1')),
      result: 'call_back',
      channel: 'phone',
      ...over,
    });
    expect(error).toMatchObject({ code: 'invalid-argument', details: { fields: { [field]: reason } } });
  });
});

describe('a settlement above the RO’s limit', () => {
  it('becomes a proposal that waits for a supervisor, and applies when the supervisor approves it', async () => {
    const before = await caseDoc('D2');
    const owed = before.arrearsCents - before.paidCents;
    const limit = Math.floor(before.arrearsCents * 0.1);
    const body = {
      ...(await write('D2')),
      result: 'settlement_agreed',
      channel: 'visit',
      agreedCents: owed - limit - 100_00,
      instalments: 3,
      firstDueDate: day(7),
    };
    const out = await call('recordContact', 'ro1', body);
    expect(out).toMatchObject({ state: 'PENDING', recordedAs: 'settlement_proposed' });
    // The offline queue replays it: the key is bound to what the client sent, so it is the same request.
    expect(await call('recordContact', 'ro1', body)).toMatchObject({
      requestId: out.requestId,
      recordedAs: 'settlement_proposed',
    });
    expect(await applied('ro1', out)).toMatchObject({ state: 'APPLIED' });
    const proposed = await caseDoc('D2');
    expect(proposed.status).toBe('NEGOTIATION');
    expect(proposed.settlement).toBeNull();
    expect(proposed.approvals).toEqual([
      expect.objectContaining({ kind: 'settlement_discount', state: 'pending', makerUid: 'demo-ro1' }),
    ]);
    expect((await firestore().collection(COL.approvals).doc(out.requestId).get()).get('state')).toBe('pending');

    const decided = await call('submitRequest', 'supervisor', {
      clientRequestId: randomUUID(),
      type: 'caseAction',
      caseId: 'D2',
      payload: { action: 'decideSettlement', result: 'approved', inputs: {}, expectedRev: proposed.rev },
    });
    await deliverRequestCreated(decided.requestId);
    const after = await caseDoc('D2');
    expect(after.status).toBe('SETTLEMENT');
    expect(after.settlement).toMatchObject({ discountCents: limit + 100_00 });
    expect(after.approvals[0]).toMatchObject({ state: 'approved', checkerUid: 'demo-supervisor' });
  });

  it('records a settlement within the limit as agreed', async () => {
    const c = await caseDoc('D3');
    const out = await call('recordContact', 'ro1', {
      ...(await write('D3')),
      result: 'settlement_agreed',
      channel: 'phone',
      agreedCents: c.arrearsCents - c.paidCents,
      instalments: 1,
      firstDueDate: day(3),
    });
    expect(out.recordedAs).toBe('settlement_agreed');
    await applied('ro1', out);
    expect((await caseDoc('D3')).status).toBe('SETTLEMENT');
  });
});

describe('a validity extension request', () => {
  it('is refused over the case type’s limit, then shows as the RO’s open request, once at a time', async () => {
    const over = await refusedWritingNothing('requestValidityExtension', 'ro1', {
      ...(await write('D4')),
      days: 31,
      reason: 'More time',
    });
    expect(over).toMatchObject({
      code: 'invalid-argument',
      details: { fields: { days: 'must be at most 30 days for this case' } },
    });
    const zero = await refusedWritingNothing('requestValidityExtension', 'ro1', {
      ...(await write('D4')),
      days: 0,
      reason: 'x',
    });
    expect(zero).toMatchObject({ details: { fields: { days: 'must be at least 1' } } });

    const out = await call('requestValidityExtension', 'ro1', {
      ...(await write('D4')),
      days: 14,
      reason: 'Customer pays on the 20th',
    });
    expect(await applied('ro1', out)).toMatchObject({ state: 'APPLIED' });
    const open = await call('listActiveRoRequests', 'ro1', {});
    expect(open.items.find((r: { caseId: string }) => r.caseId === 'D4')).toMatchObject({
      kind: 'validity_extension',
      days: 14,
      state: 'pending',
    });
    const again = await refusedWritingNothing('requestValidityExtension', 'ro1', {
      ...(await write('D4')),
      days: 5,
      reason: 'again',
    });
    expect(again).toMatchObject({ code: 'failed-precondition', details: { reason: 'request-pending' } });
  });
});

describe('CPE: a failed collection, and a collection with its place and photo', () => {
  it('records a failed attempt with its reason; the item stays to collect and lists the attempt', async () => {
    const item = (await caseDoc('D5')).cpe[0].itemId as string;
    const noNotes = await refusedWritingNothing('recordCpeCollectionFailure', 'ro1', {
      ...(await write('D5')),
      itemId: item,
      reason: 'other',
    });
    expect(noNotes).toMatchObject({ details: { fields: { notes: 'is required when the reason is other' } } });
    const unknownItem = await refusedWritingNothing('recordCpeCollectionFailure', 'ro1', {
      ...(await write('D5')),
      itemId: 'NO-SUCH-ITEM',
      reason: 'item_lost',
    });
    expect(unknownItem).toMatchObject({ details: { fields: { itemId: 'is not a CPE item of this case' } } });

    const out = await call('recordCpeCollectionFailure', 'ro1', {
      ...(await write('D5')),
      itemId: item,
      reason: 'item_damaged',
      notes: 'Router burnt in a power surge',
    });
    expect(await applied('ro1', out)).toMatchObject({ state: 'APPLIED' });
    const view = (await call('roCpeCollection', 'ro1', { caseId: 'D5' })).items[0];
    const listed = view.items.find((i: { itemId: string }) => i.itemId === item);
    expect(listed).toMatchObject({
      status: 'pending',
      attempts: [{ result: 'not_collected', reasonCode: 'item_damaged', reason: 'Router burnt in a power surge' }],
    });
    expect(view.toCollect).toBeGreaterThan(0);
    expect((await caseDoc('D5')).status).toBe('NEGOTIATION');
  });

  it('refuses a photo too big, of a wrong type, of another DRC’s case, or of an unknown item', async () => {
    const item = (await caseDoc('D5')).cpe[0].itemId as string;
    const big = await refusedWritingNothing('cpePhotoUploadUrl', 'ro1', {
      caseId: 'D5',
      itemId: item,
      contentType: 'image/jpeg',
      bytes: 5 * 1024 * 1024 + 1,
    });
    expect(big).toMatchObject({ code: 'invalid-argument', details: { fields: { bytes: expect.any(String) } } });
    const gif = await refusedWritingNothing('cpePhotoUploadUrl', 'ro1', {
      caseId: 'D5',
      itemId: item,
      contentType: 'image/gif',
      bytes: 100,
    });
    expect(gif).toMatchObject({ details: { fields: { contentType: 'must be one of image/jpeg, image/png' } } });
    const foreign = await refusedWritingNothing('cpePhotoUploadUrl', 'ro1', {
      caseId: 'DX',
      itemId: 'x',
      contentType: 'image/jpeg',
      bytes: 100,
    });
    const missing = await refusedWritingNothing('cpePhotoUploadUrl', 'ro1', {
      caseId: 'NOPE',
      itemId: 'x',
      contentType: 'image/jpeg',
      bytes: 100,
    });
    expect(foreign).toMatchObject({ code: 'not-found' });
    expect(JSON.stringify(foreign).replace('DX', 'ID')).toBe(JSON.stringify(missing).replace('NOPE', 'ID'));
    expect(readdirSync(photoDir)).toEqual([]);
  });

  it('uploads one photo through the signed link, records it with the place, and lets the case’s viewers see it', async () => {
    const item = (await caseDoc('D5')).cpe[0].itemId as string;
    const link = await call('cpePhotoUploadUrl', 'ro1', {
      caseId: 'D5',
      itemId: item,
      contentType: 'image/png',
      bytes: 1000,
    });
    expect(link).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/png' } });
    expect(link.photoRef).toMatch(new RegExp(`^cpe-photos/D5/${item}/[0-9a-f-]{36}\\.png$`));
    const token = new URL(link.uploadUrl).searchParams.get('token')!;
    const put = async (contentType: string, body: Buffer, t = token) => {
      const { res, sent } = recordingResponse();
      const req = { method: 'PUT', query: { token: t }, rawBody: body, get: () => contentType };
      await handleCpePhoto(req, res as never);
      return sent as Sent;
    };
    const png = Buffer.alloc(1000, 7);
    expect((await put('image/jpeg', png)).status).toBe(400);
    expect((await put('image/png', Buffer.alloc(1001, 7))).status).toBe(413);
    expect(
      (
        await put(
          'image/png',
          png,
          token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')),
        )
      ).status,
    ).toBe(403);
    expect(readdirSync(photoDir)).toEqual([]);
    expect((await put('image/png', png)).status).toBe(200);
    expect((await put('image/png', png)).status).toBe(409);

    // A photo of another item, or one never uploaded, is not this collection's.
    const notUploaded = `cpe-photos/D5/${item}/${randomUUID()}.png`;
    const wrong = await refusedWritingNothing('recordCpeCollection', 'ro1', {
      ...(await write('D5')),
      itemId: item,
      condition: 'good',
      photoRef: notUploaded,
    });
    expect(wrong).toMatchObject({ details: { fields: { photoRef: expect.stringContaining('not uploaded') } } });

    const out = await call('recordCpeCollection', 'ro1', {
      ...(await write('D5')),
      itemId: item,
      condition: 'good, with adapter',
      location: { lat: 6.9271, lng: 79.8612, accuracyM: 12 },
      photoRef: link.photoRef,
    });
    expect(await applied('ro1', out)).toMatchObject({ state: 'APPLIED' });
    const listed = (await call('roCpeCollection', 'drc1', { caseId: 'D5' })).items[0].items.find(
      (i: { itemId: string }) => i.itemId === item,
    );
    expect(listed).toMatchObject({
      status: 'collected',
      photoRef: link.photoRef,
      geo: { lat: 6.9271, lng: 79.8612, accuracyM: 12 },
    });

    const download = await call('cpePhotoDownloadUrl', 'rcmp', { caseId: 'D5', itemId: item });
    const { res, sent } = recordingResponse();
    const getToken = new URL(download.url).searchParams.get('token')!;
    await handleCpePhoto({ method: 'GET', query: { token: getToken }, get: () => undefined }, res as never);
    expect(sent.status).toBe(200);
    expect(Buffer.compare(sent.body as Buffer, png)).toBe(0);
    // The download link cannot upload, and another DRC sees no such case.
    expect((await put('image/png', png, getToken)).status).toBe(405);
    await expect(call('cpePhotoDownloadUrl', 'drc2', { caseId: 'D5', itemId: item })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('over REST', () => {
  firestore();
  const authApp = initializeApp({ projectId: 'demo-debtx-test' }, `roday-${randomUUID()}`);
  const auth = getAuth(authApp);
  const handler = restHandler((token) => auth.verifyIdToken(token, true));

  async function roToken(): Promise<string> {
    const email = `roday-${randomUUID()}@demo.debtx`;
    // The demo RO's uid, so the scope is ro1's cases.
    const uid = 'demo-ro1';
    await auth.createUser({ uid, email, password: 'debtx-demo' }).catch(() => auth.updateUser(uid, { email }));
    await auth.setCustomUserClaims(uid, { role: 'ro', drcId: 'drc1' });
    const res = await fetch(
      `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'debtx-demo', returnSecureToken: true }),
      },
    );
    return ((await res.json()) as { idToken: string }).idToken;
  }

  async function post(path: string, token: string, body: unknown): Promise<Sent> {
    const { res, sent } = recordingResponse();
    const req: RestRequest = { method: 'POST', path, query: {}, body, headers: { authorization: `Bearer ${token}` } };
    await handler(req, res);
    return sent;
  }

  it('takes the new writes at their routes and refuses slips with 400 and another DRC’s case with 404', async () => {
    const token = await roToken();
    const { expectedRev } = await write('D3');
    const over = await post('/api/v1/cases/D3/validity-extensions', token, {
      expectedRev,
      clientRequestId: randomUUID(),
      days: 45,
      reason: 'More time',
    });
    expect(over).toMatchObject({ status: 400, body: { error: { details: { fields: { days: expect.any(String) } } } } });
    const future = await post('/api/v1/cases/D3/contacts', token, {
      expectedRev,
      clientRequestId: randomUUID(),
      result: 'call_back',
      channel: 'phone',
      contactedOn: day(2),
    });
    expect(future).toMatchObject({
      status: 400,
      body: { error: { details: { fields: { contactedOn: 'cannot be in the future' } } } },
    });
    const photo = await post('/api/v1/cases/DX/cpe-photos', token, {
      itemId: 'x',
      contentType: 'image/jpeg',
      bytes: 10,
    });
    expect(photo.status).toBe(404);
    const ok = await post('/api/v1/cases/D3/validity-extensions', token, {
      expectedRev,
      clientRequestId: randomUUID(),
      days: 10,
      reason: 'Customer travels',
    });
    expect(ok).toMatchObject({ status: 200, body: { state: 'PENDING' } });
    const failed = await post('/api/v1/cases/D3/cpe-collection-failures', token, {
      expectedRev,
      clientRequestId: randomUUID(),
      itemId: 'nope',
      reason: 'not_at_home',
    });
    expect(failed).toMatchObject({
      status: 400,
      body: { error: { details: { fields: { itemId: expect.any(String) } } } },
    });
  }, 30_000);
});
