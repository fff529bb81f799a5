/**
 * Where the web client's Firebase configuration comes from (docs/decisions/0022). Pure: no `import.meta`, no
 * fetch of its own, so unit tests run it with any environment.
 *
 * 1. The local stack: Vite's dev server, started by `npm start` and the browser tests. vite.config.ts fills the
 *    emulator addresses in serve mode only, so they never reach a production bundle.
 * 2. `VITE_FIREBASE_*` build variables: a site built for a host other than Firebase Hosting.
 * 3. Firebase Hosting's reserved `/__/firebase/init.json`: the project the site is deployed to, so one build
 *    serves any project.
 */
export type Stack = 'offline' | 'full';
export type ConfigSource = 'local-stack' | 'build-vars' | 'hosting';

/** Hosting serves the project's web config here on every site it hosts. */
export const HOSTING_INIT_URL = '/__/firebase/init.json';

export interface FirebaseOptions {
  apiKey: string;
  authDomain: string;
  projectId: string;
  appId?: string;
  storageBucket?: string;
  messagingSenderId?: string;
}

export interface HostPort {
  host: string;
  port: number;
}

export interface Emulators {
  authUrl: string;
  functions: HostPort;
  firestore: HostPort;
}

export interface WebConfig {
  source: ConfigSource;
  options: FirebaseOptions;
  /** Set only on the local stack: the client then talks to the emulators and nothing else. */
  emulators: Emulators | null;
  /** How screens read data: callables and polling (offline stack) or Firestore listeners (full stack, production). */
  stack: Stack;
  /** reCAPTCHA Enterprise site key: App Check is initialised only when one is configured. */
  appCheckSiteKey: string | null;
}

/** What Vite puts in `import.meta.env`: strings from VITE_* variables, booleans DEV and PROD. */
export type Env = Readonly<Record<string, string | boolean | undefined>>;

export type ConfigPlan = { kind: 'ready'; config: WebConfig } | { kind: 'fetch'; url: string };

/** Why the client cannot start: shown on the page instead of the app. */
export class WebConfigError extends Error {
  override name = 'WebConfigError';
}

const BUILD_VARS = {
  apiKey: 'VITE_FIREBASE_API_KEY',
  authDomain: 'VITE_FIREBASE_AUTH_DOMAIN',
  projectId: 'VITE_FIREBASE_PROJECT_ID',
  appId: 'VITE_FIREBASE_APP_ID',
  storageBucket: 'VITE_FIREBASE_STORAGE_BUCKET',
  messagingSenderId: 'VITE_FIREBASE_MESSAGING_SENDER_ID',
} as const;

function text(env: Env, name: string): string {
  const value = env[name];
  return typeof value === 'string' ? value.trim() : '';
}

function port(env: Env, name: string): number {
  const value = Number(text(env, name));
  if (!Number.isInteger(value) || value <= 0 || value > 65535)
    throw new WebConfigError(`${name} must be a port number on the local stack (got "${text(env, name)}").`);
  return value;
}

function required(env: Env, name: string, why: string): string {
  const value = text(env, name);
  if (!value) throw new WebConfigError(`${name} is not set (${why}).`);
  return value;
}

function appCheckSiteKey(env: Env): string | null {
  return text(env, 'VITE_APPCHECK_SITE_KEY') || null;
}

function localStack(env: Env): WebConfig {
  const why = 'the local stack sets it in vite.config.ts';
  const projectId = required(env, 'VITE_PROJECT_ID', why);
  return {
    source: 'local-stack',
    // The emulators accept any API key; the value comes from vite.config.ts so none is compiled in.
    options: {
      apiKey: required(env, 'VITE_EMULATOR_API_KEY', why),
      projectId,
      authDomain: `${projectId}.firebaseapp.com`,
    },
    emulators: {
      authUrl: required(env, 'VITE_AUTH_EMULATOR', why),
      functions: {
        host: required(env, 'VITE_FUNCTIONS_EMULATOR_HOST', why),
        port: port(env, 'VITE_FUNCTIONS_EMULATOR_PORT'),
      },
      firestore: {
        host: required(env, 'VITE_FIRESTORE_EMULATOR_HOST', why),
        port: port(env, 'VITE_FIRESTORE_EMULATOR_PORT'),
      },
    },
    stack: text(env, 'VITE_DEBTX_STACK') === 'full' ? 'full' : 'offline',
    appCheckSiteKey: null,
  };
}

function fromBuildVars(env: Env): WebConfig {
  const missing = (['apiKey', 'projectId'] as const).filter((key) => !text(env, BUILD_VARS[key]));
  if (missing.length > 0)
    throw new WebConfigError(
      `${missing.map((key) => BUILD_VARS[key]).join(' and ')} must be set with the other VITE_FIREBASE_* variables.`,
    );
  return deployedConfig('build-vars', (key) => text(env, BUILD_VARS[key]), env);
}

/** A deployed site's config, from build variables or Hosting's init.json: the same fields, the same defaults. */
function deployedConfig(
  source: 'build-vars' | 'hosting',
  value: (key: keyof typeof BUILD_VARS) => string,
  env: Env,
): WebConfig {
  const projectId = value('projectId');
  const optional = (key: 'appId' | 'storageBucket' | 'messagingSenderId') => value(key) || undefined;
  return {
    source,
    options: {
      apiKey: value('apiKey'),
      projectId,
      authDomain: value('authDomain') || `${projectId}.firebaseapp.com`,
      appId: optional('appId'),
      storageBucket: optional('storageBucket'),
      messagingSenderId: optional('messagingSenderId'),
    },
    emulators: null,
    stack: 'full',
    appCheckSiteKey: appCheckSiteKey(env),
  };
}

/**
 * Decides the source. `dev` is true only in Vite's dev server (`import.meta.env.DEV`), which a production
 * bundle can never be: there it is the constant `false`.
 */
export function planWebConfig(env: Env, dev: boolean): ConfigPlan {
  const anyBuildVar = Object.values(BUILD_VARS).some((name) => text(env, name));
  if (anyBuildVar) return { kind: 'ready', config: fromBuildVars(env) };
  if (dev) return { kind: 'ready', config: localStack(env) };
  return { kind: 'fetch', url: HOSTING_INIT_URL };
}

/** Hosting's init.json, checked: a site served elsewhere gets an HTML page or a 404 here, not a config. */
export function configFromInitJson(json: unknown, env: Env): WebConfig {
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const field = (key: string): string => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
  if (!field('apiKey') || !field('projectId'))
    throw new WebConfigError(
      `${HOSTING_INIT_URL} has no apiKey and projectId: deploy the site to Firebase Hosting, or build it with the VITE_FIREBASE_* variables (docs/deploy.md).`,
    );
  return deployedConfig('hosting', field, env);
}

/** Resolves the plan; `fetchJson` is the page's fetch in the browser, a stub in tests. */
export async function loadWebConfig(
  env: Env,
  dev: boolean,
  fetchJson: (url: string) => Promise<unknown>,
): Promise<WebConfig> {
  const plan = planWebConfig(env, dev);
  if (plan.kind === 'ready') return plan.config;
  let json: unknown;
  try {
    json = await fetchJson(plan.url);
  } catch (error) {
    throw new WebConfigError(
      `Could not read ${plan.url} (${error instanceof Error ? error.message : String(error)}): deploy the site to Firebase Hosting, or build it with the VITE_FIREBASE_* variables (docs/deploy.md).`,
    );
  }
  return configFromInitJson(json, env);
}
