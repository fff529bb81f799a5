import type { FirestoreServer } from '@firestore-emulator/server';
import { mergeRecordedShapes } from '../../src/data/queryShape';

export default async function globalTeardown(): Promise<void> {
  // The shapes of the queries this run issued, for the index check that follows it (npm test, deploy:check).
  const recording = process.env.DEBTX_RECORD_QUERIES;
  if (recording) mergeRecordedShapes(recording);
  (globalThis as { __debtxFirestore?: FirestoreServer }).__debtxFirestore?.stop();
  const pid = (globalThis as { __debtxAuthPid?: number }).__debtxAuthPid;
  if (pid) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
