import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

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

/** The app's brand colour (web/src/styles.css --brand) and page background (--bg). */
const THEME_COLOUR = '#0b5cad';
const BACKGROUND_COLOUR = '#f5f7f9';

/**
 * An installable app whose shell opens without a connection (docs/decisions/0045). The service worker caches
 * what the page is made of and nothing it reads: the callables and the emulators are on other origins, which
 * no route here matches, and /api and Hosting's reserved /__/ paths are excluded by name.
 */
const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'autoUpdate',
  injectRegister: 'script-defer',
  includeAssets: ['icons/*.png'],
  manifest: {
    name: 'DebtX',
    short_name: 'DebtX',
    description: 'DebtX debt recovery',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
    // Diagrams (mermaid) are for the case-type screens, not the field: fetched and kept when first opened.
    maximumFileSizeToCacheInBytes: 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/__\//],
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // The page's own code and styles that are not precached (the dev server's modules, the large chunks):
        // the network when there is one, else the copy from the last visit. Never a read (fetch/XHR has no
        // destination), never another origin.
        urlPattern: ({ request, url, sameOrigin }) =>
          sameOrigin &&
          !url.pathname.startsWith('/api/') &&
          !url.pathname.startsWith('/__/') &&
          ['script', 'style', 'font', 'image', 'manifest', 'worker'].includes(request.destination),
        handler: 'NetworkFirst',
        options: { cacheName: 'debtx-shell', expiration: { maxEntries: 800 } },
      },
      {
        // On Firebase Hosting the configuration comes from here (web/src/config.ts): without it offline, no app.
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/__/firebase/init.json',
        handler: 'NetworkFirst',
        options: { cacheName: 'debtx-config' },
      },
    ],
  },
  // The local stacks serve the web from Vite's dev server (scripts/lib/web.ts): the worker runs there too, so a
  // reload offline works on them as on Hosting; its navigations fall back to the dev server's index.html.
  devOptions: { enabled: true, navigateFallback: 'index.html', suppressWarnings: true },
};

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
    plugins: [VitePWA(pwaOptions)],
    // No React plugin: Vite 8 transforms TSX with oxc, told here to use React's automatic JSX runtime.
    oxc: { jsx: { runtime: 'automatic' } },
    server: { host: '127.0.0.1', port, strictPort: true, proxy: apiProxy },
    preview: { host: '127.0.0.1', port, strictPort: true },
    build: { outDir: 'dist', sourcemap: true },
  };
});
