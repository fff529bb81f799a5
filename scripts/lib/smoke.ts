/**
 * The live-site smoke test behind `npm run smoke -- <site>` (docs/deploy.md): sign in with email and password,
 * call `whoAmI` and `listCases`, read `/api/openapi.json`. Pure apart from the `fetch` it is given, so unit tests
 * run it against a fake site.
 */
export const FUNCTIONS_REGION = 'asia-south1';

export interface SmokeSettings {
  site: string;
  email: string;
  password: string;
  /** Overrides for a site that does not serve Hosting's init.json (the local stack, another host). */
  apiKey?: string;
  projectId?: string;
}

export interface LocalStack {
  projectId: string;
  authPort: number;
  functionsPort: number;
}

export interface Endpoints {
  where: string;
  signIn: string;
  callable(name: string): string;
  openapi: string;
}

export type Fetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

export interface StepResult {
  name: string;
  ok: boolean;
  detail: string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function field(value: unknown, key: string): string {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
}

/**
 * Where to sign in and call. A Hosting site answers `/__/firebase/init.json` with its project; the local stack's
 * dev server does not (it answers with the app's page), so a site on this machine means the emulators.
 */
export async function findEndpoints(fetch: Fetch, settings: SmokeSettings, local: LocalStack): Promise<Endpoints> {
  const site = settings.site.replace(/\/+$/, '');
  const url = new URL(site);
  const init = await fetch(`${site}/__/firebase/init.json`)
    .then(async (r) => (r.ok ? parseJson(await r.text()) : null))
    .catch(() => null);
  const apiKey = settings.apiKey || field(init, 'apiKey');
  const projectId = settings.projectId || field(init, 'projectId');
  if (LOCAL_HOSTS.has(url.hostname) && !field(init, 'apiKey')) {
    const project = settings.projectId || local.projectId;
    const auth = `http://127.0.0.1:${local.authPort}`;
    return {
      where: `the local stack (project ${project}, Auth emulator ${auth})`,
      signIn: `${auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=${settings.apiKey || 'local'}`,
      callable: (name) => `http://127.0.0.1:${local.functionsPort}/${project}/${FUNCTIONS_REGION}/${name}`,
      openapi: `${site}/api/openapi.json`,
    };
  }
  if (!apiKey || !projectId)
    throw new Error(
      `${site}/__/firebase/init.json gives no project: is the site on Firebase Hosting? Otherwise pass --api-key and --project.`,
    );
  return {
    where: `project ${projectId}`,
    signIn: `https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=${encodeURIComponent(apiKey)}`,
    callable: (name) => `https://${FUNCTIONS_REGION}-${projectId}.cloudfunctions.net/${name}`,
    openapi: `${site}/api/openapi.json`,
  };
}

function errorOf(json: unknown, status: number): string {
  const error = typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : undefined;
  const message = field(error, 'message') || field(error, 'status');
  return message ? `HTTP ${status}: ${message}` : `HTTP ${status}`;
}

async function call(
  fetch: Fetch,
  url: string,
  token: string,
  data: unknown,
): Promise<{ ok: boolean; result: unknown; detail: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ data }),
  });
  const json = parseJson(await response.text());
  if (!response.ok) return { ok: false, result: null, detail: errorOf(json, response.status) };
  return { ok: true, result: (json as { result?: unknown } | null)?.result ?? null, detail: '' };
}

/** Runs every step it can; a step that needs the sign-in fails, naming why, when the sign-in did. */
export async function runSmoke(
  fetch: Fetch,
  endpoints: Endpoints,
  credentials: Pick<SmokeSettings, 'email' | 'password'>,
): Promise<StepResult[]> {
  const steps: StepResult[] = [];
  const attempt = async (name: string, run: () => Promise<string>) => {
    try {
      steps.push({ name, ok: true, detail: await run() });
    } catch (error) {
      steps.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  let token = '';
  await attempt('sign in', async () => {
    const response = await fetch(endpoints.signIn, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: credentials.email, password: credentials.password, returnSecureToken: true }),
    });
    const json = parseJson(await response.text());
    if (!response.ok) throw new Error(errorOf(json, response.status));
    token = field(json, 'idToken');
    if (!token) throw new Error('the sign-in answer has no idToken');
    return `${credentials.email} signed in`;
  });
  const needToken = () => {
    if (!token) throw new Error('not signed in');
  };
  await attempt('whoAmI', async () => {
    needToken();
    const out = await call(fetch, endpoints.callable('whoAmI'), token, {});
    if (!out.ok) throw new Error(out.detail);
    const role = field(out.result, 'role');
    if (!role) throw new Error('no role in the answer: the user has no DebtX role (npm run admin:create)');
    return `role ${role}`;
  });
  await attempt('listCases', async () => {
    needToken();
    const out = await call(fetch, endpoints.callable('listCases'), token, { limit: 5 });
    if (!out.ok) throw new Error(out.detail);
    const cases = (out.result as { cases?: unknown[] } | null)?.cases;
    if (!Array.isArray(cases)) throw new Error('the answer has no list of cases');
    return `${cases.length} case(s) on the first page`;
  });
  await attempt('GET /api/openapi.json', async () => {
    const response = await fetch(endpoints.openapi);
    const json = parseJson(await response.text());
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const version = field(json, 'openapi');
    if (!version) throw new Error('not an OpenAPI document (is the /api rewrite to the api function deployed?)');
    const paths = Object.keys((json as { paths?: object }).paths ?? {}).length;
    return `OpenAPI ${version}, ${paths} paths`;
  });
  return steps;
}
