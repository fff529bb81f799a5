import type { FirestoreServer } from '@firestore-emulator/server';

export default async function globalTeardown(): Promise<void> {
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
