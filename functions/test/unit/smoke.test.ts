import { findEndpoints, runSmoke, type Fetch } from '../../../scripts/lib/smoke';

/** `npm run smoke -- <site>` against a fake site: which endpoints, what passes, what fails and why. */
type Reply = { status: number; body: unknown };
interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeSite(routes: Record<string, Reply | ((call: Call) => Reply)>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    const call = {
      url,
      method: init?.method ?? 'GET',
      headers: init?.headers ?? {},
      body: init?.body ? (JSON.parse(init.body) as unknown) : null,
    };
    calls.push(call);
    const key = Object.keys(routes).find((prefix) => url.startsWith(prefix));
    const route = key ? routes[key] : undefined;
    const reply = typeof route === 'function' ? route(call) : (route ?? { status: 404, body: '<!doctype html>' });
    return {
      ok: reply.status < 300,
      status: reply.status,
      text: async () => (typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)),
    };
  };
  return { fetch, calls };
}

const SITE = 'https://debtx-prod.web.app';
const local = { projectId: 'demo-debtx', authPort: 9099, functionsPort: 5001 };
const creds = { email: 'first.admin@example.com', password: 'pw-123456' };
const live = {
  [`${SITE}/__/firebase/init.json`]: { status: 200, body: { apiKey: 'AIzaLive', projectId: 'debtx-prod' } },
  'https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=AIzaLive': (call: Call): Reply =>
    (call.body as { password: string }).password === creds.password
      ? { status: 200, body: { idToken: 'token-1' } }
      : { status: 400, body: { error: { message: 'INVALID_LOGIN_CREDENTIALS' } } },
  'https://asia-south1-debtx-prod.cloudfunctions.net/whoAmI': { status: 200, body: { result: { role: 'admin' } } },
  'https://asia-south1-debtx-prod.cloudfunctions.net/listCases': { status: 200, body: { result: { cases: [{}, {}] } } },
  [`${SITE}/api/openapi.json`]: { status: 200, body: { openapi: '3.1.0', paths: { '/v1/a': {}, '/v1/b': {} } } },
};

describe('smoke test of a deployed site', () => {
  it("takes the project from Hosting's init.json and passes every step, calling the callables as the SDK does", async () => {
    const { fetch, calls } = fakeSite(live);
    const endpoints = await findEndpoints(fetch, { site: `${SITE}/`, ...creds }, local);
    expect(endpoints.where).toBe('project debtx-prod');
    const steps = await runSmoke(fetch, endpoints, creds);
    expect(steps.map((s) => `${s.ok ? 'PASS' : 'FAIL'} ${s.name}: ${s.detail}`)).toEqual([
      'PASS sign in: first.admin@example.com signed in',
      'PASS whoAmI: role admin',
      'PASS listCases: 2 case(s) on the first page',
      'PASS GET /api/openapi.json: OpenAPI 3.1.0, 2 paths',
    ]);
    const listCall = calls.find((c) => c.url.endsWith('/listCases'));
    expect(listCall).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer token-1' },
      body: { data: { limit: 5 } },
    });
  });

  it('a wrong password fails the sign-in with the reason, and the steps that need it say so', async () => {
    const { fetch } = fakeSite(live);
    const endpoints = await findEndpoints(fetch, { site: SITE, ...creds }, local);
    const steps = await runSmoke(fetch, endpoints, { ...creds, password: 'wrong' });
    expect(steps.map((s) => [s.name, s.ok, s.detail])).toEqual([
      ['sign in', false, 'HTTP 400: INVALID_LOGIN_CREDENTIALS'],
      ['whoAmI', false, 'not signed in'],
      ['listCases', false, 'not signed in'],
      ['GET /api/openapi.json', true, 'OpenAPI 3.1.0, 2 paths'],
    ]);
  });

  it('a user without a role and a missing /api rewrite are named', async () => {
    const { fetch } = fakeSite({
      ...live,
      'https://asia-south1-debtx-prod.cloudfunctions.net/whoAmI': {
        status: 403,
        body: { error: { status: 'PERMISSION_DENIED', message: 'Your account has no DebtX role yet' } },
      },
      [`${SITE}/api/openapi.json`]: { status: 200, body: '<!doctype html><div id="root"></div>' },
    });
    const steps = await runSmoke(fetch, await findEndpoints(fetch, { site: SITE, ...creds }, local), creds);
    expect(steps.find((s) => s.name === 'whoAmI')?.detail).toBe('HTTP 403: Your account has no DebtX role yet');
    expect(steps.find((s) => s.name === 'GET /api/openapi.json')?.detail).toMatch(/not an OpenAPI document/);
  });

  it('the local stack (no init.json on 127.0.0.1) is reached through its emulators', async () => {
    const { fetch } = fakeSite({});
    const endpoints = await findEndpoints(fetch, { site: 'http://127.0.0.1:5000', ...creds }, local);
    expect(endpoints.signIn).toMatch(
      /^http:\/\/127\.0\.0\.1:9099\/identitytoolkit\.googleapis\.com\/v1\/accounts:signInWithPassword/,
    );
    expect(endpoints.callable('whoAmI')).toBe('http://127.0.0.1:5001/demo-debtx/asia-south1/whoAmI');
    expect(endpoints.openapi).toBe('http://127.0.0.1:5000/api/openapi.json');
  });

  it('a site elsewhere without init.json needs --api-key and --project, and works with them', async () => {
    const { fetch } = fakeSite({});
    await expect(findEndpoints(fetch, { site: 'https://debtx.example.lk', ...creds }, local)).rejects.toThrow(
      /pass --api-key and --project/,
    );
    const endpoints = await findEndpoints(
      fetch,
      { site: 'https://debtx.example.lk', ...creds, apiKey: 'AIzaX', projectId: 'debtx-x' },
      local,
    );
    expect(endpoints.callable('listCases')).toBe('https://asia-south1-debtx-x.cloudfunctions.net/listCases');
  });
});
