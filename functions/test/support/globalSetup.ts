import { FirestoreServer } from '@firestore-emulator/server';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retry } from '../../src/domain/retry/retry';

/**
 * Integration tests talk to a real Firestore emulator through the Admin SDK. When none is running
 * (FIRESTORE_EMULATOR_HOST unset), the offline one (@firestore-emulator/server) is started in-process.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * The real Auth emulator (firebase-tools, JavaScript: it runs offline) on a free port, for the user-management
 * tests. Its own firebase.json in a temp folder keeps it off the ports a running local stack uses.
 */
async function startAuthEmulator(): Promise<void> {
  if (process.env.FIREBASE_AUTH_EMULATOR_HOST) return;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'debtx-auth-'));
  writeFileSync(
    join(dir, 'firebase.json'),
    JSON.stringify({ emulators: { auth: { host: '127.0.0.1', port }, ui: { enabled: false } } }),
  );
  const bin = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'firebase');
  const child = spawn(bin, ['emulators:start', '--only', 'auth', '--project', 'demo-debtx-test'], {
    cwd: dir,
    detached: true,
    stdio: 'ignore',
  });
  (globalThis as { __debtxAuthPid?: number }).__debtxAuthPid = child.pid;
  const open = () => portOpen(port);
  const deadline = Date.now() + 60_000;
  if (!(await retry(open, { attempts: Infinity, deadline, delayMs: () => 200, retryOnValue: (up) => !up })))
    throw new Error('the Auth emulator did not start within 60 s');
  process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${port}`;
}

export default async function globalSetup(): Promise<void> {
  await startAuthEmulator();
  if (process.env.FIRESTORE_EMULATOR_HOST) {
    process.env.DEBTX_FIRESTORE_KIND = process.env.DEBTX_FIRESTORE_KIND ?? 'official';
    return;
  }
  const port = await freePort();
  const server = new FirestoreServer();
  await server.start(port);
  (globalThis as { __debtxFirestore?: FirestoreServer }).__debtxFirestore = server;
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.DEBTX_FIRESTORE_KIND = 'offline';
}
