import { PROJECT_ID, ROOT, waitForPort, type StackPorts } from './ports';
import { FIREBASE_BIN, ensurePortsFree, type RunningBackend } from './offlineStack';
import { startChild } from './processes';

/** The full stack: the official Emulator Suite (needs Java 21+). Its Firestore emulator runs the triggers itself. */
export async function startFullBackend(ports: StackPorts, log: (l: string) => void): Promise<RunningBackend> {
  await ensurePortsFree([ports.firestore, ports.auth, ports.functions, ports.pubsub]);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${ports.firestore}`;
  process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${ports.auth}`;
  process.env.PUBSUB_EMULATOR_HOST = `127.0.0.1:${ports.pubsub}`;
  process.env.GCLOUD_PROJECT = PROJECT_ID;
  startChild(
    'emulators',
    FIREBASE_BIN,
    ['emulators:start', '--only', 'firestore,auth,functions,pubsub', '--project', PROJECT_ID],
    {
      cwd: ROOT,
      env: { ...process.env },
      quiet: true,
    },
  );
  await waitForPort(ports.firestore, 'the Firestore emulator', 180_000);
  await waitForPort(ports.auth, 'the Auth emulator');
  await waitForPort(ports.functions, 'the Functions emulator');
  log('official Emulator Suite is up');
  return { relay: null, stop: async () => {} };
}
