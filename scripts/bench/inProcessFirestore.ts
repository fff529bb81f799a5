import { FirestoreServer } from '@firestore-emulator/server';
import { createServer } from 'node:net';

/** Benchmarks run against their own in-process offline Firestore, on a free port, in a fresh project. */
export async function startBenchFirestore(project: string): Promise<() => void> {
  const port = await new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
  const server = new FirestoreServer();
  await server.start(port);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.GCLOUD_PROJECT = project;
  return () => server.stop();
}

export function bench(name: string, value: number, digits = 2): void {
  console.log(`BENCH ${name} ${value.toFixed(digits)}`);
}
