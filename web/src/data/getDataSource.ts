import { config } from '../config';
import { app, auth } from '../firebase';
import { CallableDataSource } from './CallableDataSource';
import type { DataSource } from './DataSource';
import { withOfflineQueue } from '../offline/offlineDataSource';
import { OfflineQueue, userQueueKey } from '../offline/queue';

let dataSource: Promise<DataSource> | null = null;

/** The data source of the running stack (one per page); the Firestore SDK is loaded only for the full stack. */
export function getDataSource(): Promise<DataSource> {
  dataSource ??= (async () => {
    if (config.stack === 'offline') return new CallableDataSource();
    const { createFirestoreDataSource } = await import('./FirestoreDataSource');
    return createFirestoreDataSource(app, auth, config);
  })().then((ds) =>
    withOfflineQueue(
      ds,
      new OfflineQueue(localStorage, () => userQueueKey(auth.currentUser?.uid ?? null)),
      () => navigator.onLine,
    ),
  );
  return dataSource;
}

/**
 * On sign-out: empties the stack's own cache on the device (Firestore's persistent cache on the full stack) and
 * drops the data source, so the next user starts from a fresh one.
 */
export async function forgetDeviceCache(): Promise<void> {
  const current = dataSource;
  if (!current) return;
  dataSource = null;
  const ds = await current.catch(() => null);
  await ds?.clearDeviceCache?.();
}
