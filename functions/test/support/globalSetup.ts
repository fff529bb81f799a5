import { FirestoreServer } from '@firestore-emulator/server';
import { createServer } from 'node:net';

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

export default async function globalSetup(): Promise<void> {
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
