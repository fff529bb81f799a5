import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(`${root}${file}`, 'utf8')) as Record<string, unknown>;

/** Only the dev server talks to emulators (docs/decisions/0022); these variables are its business alone. */
const LOCAL_STACK_VARS = [
  'VITE_DEBTX_STACK',
  'VITE_PROJECT_ID',
  'VITE_EMULATOR_API_KEY',
  'VITE_AUTH_EMULATOR',
  'VITE_FUNCTIONS_EMULATOR_HOST',
  'VITE_FUNCTIONS_EMULATOR_PORT',
  'VITE_FIRESTORE_EMULATOR_HOST',
  'VITE_FIRESTORE_EMULATOR_PORT',
];

/**
 * The dev server is the local stack's web server unless VITE_FIREBASE_* variables point it at a real project.
 * `npm start` passes its own ports; `vite` alone gets the ports of firebase.json and the project of .firebaserc.
 */
function fillLocalStackDefaults(env: NodeJS.ProcessEnv): void {
  if (Object.keys(env).some((name) => name.startsWith('VITE_FIREBASE_') && env[name])) return;
  const emulators = readJson('firebase.json').emulators as Record<string, { host: string; port: number }>;
  const projects = (readJson('.firebaserc').projects ?? {}) as Record<string, string>;
  env.VITE_PROJECT_ID ||= projects.default ?? 'demo-debtx';
  env.VITE_EMULATOR_API_KEY ||= 'demo-key';
  env.VITE_AUTH_EMULATOR ||= `http://${emulators.auth.host}:${emulators.auth.port}`;
  env.VITE_FUNCTIONS_EMULATOR_HOST ||= emulators.functions.host;
  env.VITE_FUNCTIONS_EMULATOR_PORT ||= String(emulators.functions.port);
  env.VITE_FIRESTORE_EMULATOR_HOST ||= emulators.firestore.host;
  env.VITE_FIRESTORE_EMULATOR_PORT ||= String(emulators.firestore.port);
}

export default defineConfig(({ command }) => {
  if (command === 'serve') fillLocalStackDefaults(process.env);
  else {
    // Vite compiles every VITE_* variable it sees into import.meta.env: an emulator address in the builder's
    // shell would end up in the deployed bundle, so the build refuses instead.
    const set = LOCAL_STACK_VARS.filter((name) => process.env[name]);
    if (set.length > 0)
      throw new Error(`${set.join(', ')} configure the local stack's dev server; unset them to build for deployment.`);
  }
  const port = Number(process.env.DEBTX_WEB_PORT ?? 5000);
  // The local stack serves the web from Vite, not the Hosting emulator: /api goes to the api function as Hosting's
  // rewrite does in production (firebase.json).
  const apiProxy = {
    '/api': {
      target: `http://127.0.0.1:${process.env.VITE_FUNCTIONS_EMULATOR_PORT ?? 5001}`,
      rewrite: (path: string) =>
        `/${process.env.VITE_PROJECT_ID ?? 'demo-debtx'}/asia-south1/api${path.replace(/^\/api/, '')}`,
    },
  };
  return {
    // No React plugin: Vite 8 transforms TSX with oxc, told here to use React's automatic JSX runtime.
    oxc: { jsx: { runtime: 'automatic' } },
    server: { host: '127.0.0.1', port, strictPort: true, proxy: apiProxy },
    preview: { host: '127.0.0.1', port, strictPort: true },
    build: { outDir: 'dist', sourcemap: true },
  };
});
