import type { FirestoreServer } from '@firestore-emulator/server';

export default async function globalTeardown(): Promise<void> {
  (globalThis as { __debtxFirestore?: FirestoreServer }).__debtxFirestore?.stop();
}
