import { FirestoreServer } from '@firestore-emulator/server';
import { join } from 'node:path';
import { PROJECT_ID, ROOT, portInUse, waitForPort, type StackPorts } from './ports';
import { startChild } from './processes';
import { startRelay, type Relay } from './relay';

export interface RunningBackend {
  relay: Relay | null;
  stop(): Promise<void>;
}

export async function ensurePortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    if (await portInUse(port)) {
      throw new Error(
        `port ${port} is already in use (another DebtX stack still running?). Stop it, or free the port, and start again.`,
      );
    }
  }
}

export const FIREBASE_BIN = join(ROOT, 'node_modules', '.bin', 'firebase');

/**
 * The offline stack: Firestore from @firestore-emulator/server in this process; Auth and Functions
 * emulators from firebase-tools (they pass FIRESTORE_EMULATOR_HOST to the functions they run); the relay
 * runs the Firestore triggers.
 */
export async function startOfflineBackend(ports: StackPorts, log: (l: string) => void): Promise<RunningBackend> {
  await ensurePortsFree([ports.firestore, ports.auth, ports.functions]);
  const server = new FirestoreServer();
  await server.start(ports.firestore);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${ports.firestore}`;
  process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${ports.auth}`;
  process.env.GCLOUD_PROJECT = PROJECT_ID;
  log(`offline Firestore listening on 127.0.0.1:${ports.firestore}`);
  startChild('emulators', FIREBASE_BIN, ['emulators:start', '--only', 'auth,functions', '--project', PROJECT_ID], {
    cwd: ROOT,
    env: { ...process.env, FIRESTORE_EMULATOR_HOST: `127.0.0.1:${ports.firestore}` },
    quiet: true,
  });
  await waitForPort(ports.auth, 'the Auth emulator');
  await waitForPort(ports.functions, 'the Functions emulator');
  return {
    relay: null,
    stop: async () => server.stop(),
  };
}

export function attachRelay(backend: RunningBackend, log: (l: string) => void): Relay {
  backend.relay = startRelay((line) => log(`[relay] ${line}`));
  return backend.relay;
}
