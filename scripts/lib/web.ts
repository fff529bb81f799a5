import { join } from 'node:path';
import { PROJECT_ID, ROOT, waitForPort, type StackPorts } from './ports';
import { startChild } from './processes';
import type { StackKind } from './chooseStack';

/**
 * The web client, served by Vite's dev server on the hosting port (only a dev server talks to emulators:
 * docs/decisions/0022), told which stack it talks to.
 */
export async function startWeb(ports: StackPorts, stack: StackKind): Promise<string> {
  startChild(
    'web',
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['--port', String(ports.web), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: join(ROOT, 'web'),
      env: {
        // A real project's VITE_FIREBASE_* left in the shell would win over the emulators: the local stack drops them.
        ...Object.fromEntries(
          Object.entries(process.env).filter(
            ([name]) => !name.startsWith('VITE_FIREBASE_') && name !== 'VITE_APPCHECK_SITE_KEY',
          ),
        ),
        DEBTX_WEB_PORT: String(ports.web),
        VITE_DEBTX_STACK: stack,
        VITE_PROJECT_ID: PROJECT_ID,
        VITE_EMULATOR_API_KEY: 'demo-key',
        VITE_AUTH_EMULATOR: `http://127.0.0.1:${ports.auth}`,
        VITE_FUNCTIONS_EMULATOR_HOST: '127.0.0.1',
        VITE_FUNCTIONS_EMULATOR_PORT: String(ports.functions),
        VITE_FIRESTORE_EMULATOR_HOST: '127.0.0.1',
        VITE_FIRESTORE_EMULATOR_PORT: String(ports.firestore),
      },
      quiet: true,
    },
  );
  await waitForPort(ports.web, 'the web server');
  return `http://127.0.0.1:${ports.web}`;
}
