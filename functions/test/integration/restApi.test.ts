import { randomUUID } from 'node:crypto';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { restHandler, type RestRequest } from '../../src/api/rest';
import { MOBILE_OPERATIONS as OPERATIONS } from '../../src/operations';
import { COL, firestore } from '../../src/data/db';
import { forgetSession } from '../../src/data/sessions';
import { apiCase, putCases } from '../support/apiCases';
import { seedOrganisation } from '../support/fixtures';
import { recordingResponse, type Sent } from '../support/restResponse';

/**
 * The REST surface: the same registry over HTTPS, authenticated by real ID tokens the Auth emulator
 * issues and the Admin SDK verifies; errors as JSON with the callable code's HTTP status.
 * The Auth emulator signs users in only in the project it started with, so tokens are verified there.
 */
firestore(); // the default app first: db.ts initialises it only while no app exists
const authApp = initializeApp({ projectId: 'demo-debtx-test' }, `rest-${randomUUID()}`);
const auth = getAuth(authApp);
// As in production: verifyIdToken with checkRevoked, against the emulator's project.
const handler = restHandler((token) => auth.verifyIdToken(token, true));

async function tokenFor(claims: Record<string, unknown>, uid?: string): Promise<string> {
  return (await signedIn(claims, uid)).token;
}

async function signedIn(claims: Record<string, unknown>, uid?: string): Promise<{ token: string; uid: string }> {
  const email = `rest-${randomUUID()}@demo.debtx`;
  await auth.createUser({ uid, email, password: 'debtx-demo' });
  const created = await auth.getUserByEmail(email);
  if (Object.keys(claims).length) {
    await auth.setCustomUserClaims(created.uid, claims);
    // As inviteUser does: the profile mirrors the claims, and the session check reads it on every call.
    await firestore()
      .collection(COL.users)
      .doc(created.uid)
      .set({ email, displayName: email, role: claims.role, drcId: claims.drcId ?? null, active: true });
  }
  const res = await fetch(
    `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'debtx-demo', returnSecureToken: true }),
    },
  );
  const body = (await res.json()) as { idToken: string };
  return { token: body.idToken, uid: created.uid };
}

async function request(
  method: string,
  path: string,
  { token, query = {}, body }: { token?: string; query?: Record<string, string>; body?: unknown } = {},
): Promise<Sent> {
  const { res, sent } = recordingResponse();
  const req: RestRequest = {
    method,
    path,
    query,
    body,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  };
  await handler(req, res);
  return sent;
}

let ro1 = '';
let drc2 = '';
let officer = '';

beforeAll(async () => {
  await seedOrganisation();
  await putCases([apiCase('H1', 'NEGOTIATION'), apiCase('H2', 'NEGOTIATION', { drcId: 'drc2', roId: 'demo-ro3' })]);
  [ro1, drc2, officer] = await Promise.all([
    tokenFor({ role: 'ro', drcId: 'drc1' }, `demo-ro1-${randomUUID().slice(0, 8)}`),
    tokenFor({ role: 'drc_admin', drcId: 'drc2' }),
    tokenFor({ role: 'recovery_officer' }),
  ]);
}, 60_000);

it('serves the OpenAPI document and a docs page without a token', async () => {
  const doc = await request('GET', '/api/openapi.json');
  expect(doc.status).toBe(200);
  expect((doc.body as { openapi: string }).openapi).toBe('3.1.0');
  const page = await request('GET', '/api/docs');
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  for (const op of OPERATIONS) expect(page.body as string).toContain(op.name);
});

it('answers 401 UNAUTHENTICATED without a token or with a bad one', async () => {
  const none = await request('GET', '/api/v1/cases/H1');
  expect(none).toMatchObject({ status: 401, body: { error: { status: 'UNAUTHENTICATED' } } });
  const bad = await request('GET', '/api/v1/cases/H1', { token: 'not-a-token' });
  expect(bad).toMatchObject({ status: 401, body: { error: { status: 'UNAUTHENTICATED' } } });
});

it('answers 403 to a role outside the field API and 404, alike, for a foreign or missing case', async () => {
  expect(await request('GET', '/api/v1/negotiations/counts', { token: officer })).toMatchObject({
    status: 403,
    body: { error: { status: 'PERMISSION_DENIED' } },
  });
  const foreign = await request('GET', '/api/v1/cases/H1', { token: drc2 });
  const missing = await request('GET', '/api/v1/cases/ZZ9', { token: drc2 });
  expect(foreign.status).toBe(404);
  expect(missing.status).toBe(404);
  expect(JSON.stringify(foreign.body).replace('H1', 'ID')).toBe(JSON.stringify(missing.body).replace('ZZ9', 'ID'));
});

it('serves a DRC admin their DRC’s case and lists, with query parameters as numbers', async () => {
  const ok = await request('GET', '/api/v1/cases/H2', { token: drc2 });
  expect(ok).toMatchObject({ status: 200, body: { id: 'H2', rev: 3 } });
  const list = await request('GET', '/api/v1/negotiations/cases', { token: drc2, query: { limit: '1' } });
  expect(list.status).toBe(200);
  expect((list.body as { items: { id: string }[] }).items.map((c) => c.id)).toEqual(['H2']);
  const counts = await request('GET', '/api/v1/negotiations/counts', { token: drc2 });
  expect(counts.body).toEqual({ total: 1, byPhase: { not_contacted: 0, negotiating: 1, settlement: 0 } });
});

it('answers 400 with the fields for bad input, 404 for no route, 405 for a wrong method', async () => {
  const bad = await request('GET', '/api/v1/negotiations/cases', { token: drc2, query: { limit: 'lots' } });
  expect(bad).toMatchObject({
    status: 400,
    body: { error: { status: 'INVALID_ARGUMENT', details: { fields: { limit: 'must be a number' } } } },
  });
  const noBody = await request('POST', '/api/v1/cases/H2/customer-contacts', { token: drc2, body: [] });
  expect(noBody.status).toBe(400);
  expect((await request('GET', '/api/v1/nothing/here', { token: drc2 })).status).toBe(404);
  const wrong = await request('DELETE', '/api/v1/cases/H2', { token: drc2 });
  expect(wrong.status).toBe(405);
  expect(wrong.headers.allow).toBe('GET');
});

it('takes writes as JSON bodies with the case id from the path, and 409 on a conflict', async () => {
  const body = { expectedRev: 3, clientRequestId: randomUUID(), phone: '+94 71 555 0101', reason: 'New number' };
  const ok = await request('POST', '/api/v1/cases/H2/customer-contacts', { token: drc2, body });
  expect(ok).toMatchObject({ status: 200, body: { state: 'PENDING', caseRev: 3 } });
  const stale = await request('POST', '/api/v1/cases/H2/customer-contacts', {
    token: drc2,
    body: { ...body, expectedRev: 2, clientRequestId: randomUUID() },
  });
  expect(stale).toMatchObject({ status: 409, body: { error: { status: 'ABORTED', details: { reason: 'conflict' } } } });
});

it('works without the /api prefix (the function’s own URL) and refuses an RO outside their cases', async () => {
  const r = await request('GET', '/v1/negotiations/active', { token: ro1 });
  expect(r.status).toBe(200);
  // This RO's uid is not demo-ro1, so H1 (assigned to demo-ro1) is not theirs.
  expect((await request('GET', '/v1/cases/H1', { token: ro1 })).status).toBe(404);
});

it('a revoked session is refused on REST at once, though its ID token has not expired', async () => {
  const user = await signedIn({ role: 'drc_admin', drcId: 'drc2' });
  expect((await request('GET', '/api/v1/cases/H2', { token: user.token })).status).toBe(200);
  // Firebase compares in whole seconds: revoke in a later second than the sign-in.
  await new Promise((r) => setTimeout(r, 1100));
  await auth.revokeRefreshTokens(user.uid);
  const refused = await request('GET', '/api/v1/cases/H2', { token: user.token });
  expect(refused).toMatchObject({
    status: 401,
    body: { error: { status: 'UNAUTHENTICATED', message: 'Your session has ended; sign in again.' } },
  });
});

it('a REST token whose user was disabled or moved in the profile is refused at once', async () => {
  const user = await signedIn({ role: 'drc_admin', drcId: 'drc2' });
  expect((await request('GET', '/api/v1/cases/H2', { token: user.token })).status).toBe(200);
  forgetSession();
  await firestore().collection(COL.users).doc(user.uid).update({ drcId: 'drc1' });
  expect((await request('GET', '/api/v1/cases/H2', { token: user.token })).status).toBe(401);
});

it('serves the web client’s reading operations over REST too, beside the field API and under their own paths', async () => {
  const me = await request('GET', '/api/v1/me', { token: drc2 });
  expect(me).toMatchObject({ status: 200, body: { role: 'drc_admin', drcId: 'drc2' } });
  expect((me.body as { email: string }).email).toMatch(/^rest-.*@demo\.debtx$/);
  const basket = await request('GET', '/api/v1/basket/cases', { token: drc2, query: { limit: '5' } });
  expect(basket.status).toBe(200);
  expect((basket.body as { cases: { id: string }[] }).cases.map((c) => c.id)).toEqual(['H2']);
  const counts = await request('GET', '/api/v1/basket/counts', { token: drc2 });
  expect(counts.status).toBe(200);
  expect((counts.body as { tabs: string[] }).tabs.length).toBeGreaterThan(0);
  const foreign = await request('GET', '/api/v1/web-cases/H1', { token: drc2 });
  const missing = await request('GET', '/api/v1/web-cases/ZZ9', { token: drc2 });
  expect(foreign.status).toBe(404);
  expect(JSON.stringify(foreign.body).replace('H1', 'ID')).toBe(JSON.stringify(missing.body).replace('ZZ9', 'ID'));
  expect(await request('GET', '/api/v1/web-requests/no-such-request', { token: drc2 })).toMatchObject({
    status: 404,
    body: { error: { status: 'NOT_FOUND' } },
  });
});
