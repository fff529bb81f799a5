import { describe, expect, it } from 'vitest';
import {
  configFromInitJson,
  HOSTING_INIT_URL,
  loadWebConfig,
  planWebConfig,
  WebConfigError,
  type Env,
} from './webConfig';

/** Where the web client's Firebase configuration comes from (docs/decisions/0022), without a browser. */
const LOCAL: Env = {
  DEV: true,
  VITE_DEBTX_STACK: 'offline',
  VITE_PROJECT_ID: 'demo-debtx',
  VITE_EMULATOR_API_KEY: 'demo-key',
  VITE_AUTH_EMULATOR: 'http://127.0.0.1:9099',
  VITE_FUNCTIONS_EMULATOR_HOST: '127.0.0.1',
  VITE_FUNCTIONS_EMULATOR_PORT: '5001',
  VITE_FIRESTORE_EMULATOR_HOST: '127.0.0.1',
  VITE_FIRESTORE_EMULATOR_PORT: '8080',
};
const INIT_JSON = {
  apiKey: 'AIzaSyRealKey',
  authDomain: 'debtx-prod.firebaseapp.com',
  projectId: 'debtx-prod',
  appId: '1:123:web:abc',
  storageBucket: 'debtx-prod.appspot.com',
  messagingSenderId: '123',
};
const noFetch = async (): Promise<unknown> => {
  throw new Error('must not fetch');
};

describe('web config source', () => {
  it('the dev server of the local stack talks to its emulators, with the ports it was given', () => {
    const plan = planWebConfig({ ...LOCAL, VITE_DEBTX_STACK: 'full', VITE_FUNCTIONS_EMULATOR_PORT: '6001' }, true);
    expect(plan.kind).toBe('ready');
    if (plan.kind !== 'ready') return;
    expect(plan.config.source).toBe('local-stack');
    expect(plan.config.options.projectId).toBe('demo-debtx');
    expect(plan.config.emulators).toEqual({
      authUrl: 'http://127.0.0.1:9099',
      functions: { host: '127.0.0.1', port: 6001 },
      firestore: { host: '127.0.0.1', port: 8080 },
    });
    expect(plan.config.stack).toBe('full');
  });

  it('a production bundle never uses emulators, even when emulator variables leaked into it', () => {
    // `dev` is false in every production bundle: the emulator variables are then ignored.
    expect(planWebConfig(LOCAL, false)).toEqual({ kind: 'fetch', url: HOSTING_INIT_URL });
  });

  it('without build variables a deployed site reads Hosting init.json and uses Firestore directly', async () => {
    const asked: string[] = [];
    const config = await loadWebConfig({ DEV: false, PROD: true }, false, async (url) => {
      asked.push(url);
      return INIT_JSON;
    });
    expect(asked).toEqual(['/__/firebase/init.json']);
    expect(config).toMatchObject({ source: 'hosting', emulators: null, stack: 'full', appCheckSiteKey: null });
    expect(config.options).toEqual(INIT_JSON);
  });

  it('VITE_FIREBASE_* build variables configure a site hosted elsewhere, with no fetch and no emulators', async () => {
    const config = await loadWebConfig(
      { VITE_FIREBASE_API_KEY: 'AIzaOther', VITE_FIREBASE_PROJECT_ID: 'debtx-other', VITE_APPCHECK_SITE_KEY: '6Lc' },
      false,
      noFetch,
    );
    expect(config).toMatchObject({ source: 'build-vars', emulators: null, stack: 'full', appCheckSiteKey: '6Lc' });
    expect(config.options).toMatchObject({
      apiKey: 'AIzaOther',
      projectId: 'debtx-other',
      authDomain: 'debtx-other.firebaseapp.com',
    });
  });

  it('build variables win over the dev server, so `vite` can run against a real project', () => {
    const plan = planWebConfig({ ...LOCAL, VITE_FIREBASE_API_KEY: 'k', VITE_FIREBASE_PROJECT_ID: 'p' }, true);
    expect(plan.kind === 'ready' && plan.config.source).toBe('build-vars');
    expect(plan.kind === 'ready' && plan.config.emulators).toBeNull();
  });

  it('half the build variables is refused by name', () => {
    expect(() => planWebConfig({ VITE_FIREBASE_API_KEY: 'k' }, false)).toThrow(
      new WebConfigError('VITE_FIREBASE_PROJECT_ID must be set with the other VITE_FIREBASE_* variables.'),
    );
  });

  it('a site served without Hosting says what to do instead of starting with no project', async () => {
    // Another host answers the reserved URL with its SPA fallback (HTML), which fetch cannot parse.
    await expect(
      loadWebConfig({}, false, async () => {
        throw new SyntaxError('Unexpected token <');
      }),
    ).rejects.toThrow(/Could not read \/__\/firebase\/init\.json .*VITE_FIREBASE_\* variables/);
    expect(() => configFromInitJson({ projectId: 'p' }, {})).toThrow(/has no apiKey and projectId/);
  });

  it('the local stack refuses to start half-configured, naming the variable', () => {
    const { VITE_AUTH_EMULATOR: _auth, ...rest } = LOCAL;
    expect(() => planWebConfig(rest, true)).toThrow(/VITE_AUTH_EMULATOR is not set/);
    expect(() => planWebConfig({ ...LOCAL, VITE_FIRESTORE_EMULATOR_PORT: 'x' }, true)).toThrow(
      /VITE_FIRESTORE_EMULATOR_PORT must be a port number/,
    );
  });
});
