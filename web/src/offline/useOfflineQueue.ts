import { useCallback, useEffect, useState } from 'react';
import { useDataSource } from '../data/DataSourceContext';
import type { RequestView } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { offlineQueueOf, replayQueue } from './offlineDataSource';
import type { QueuedAction } from './queue';

/** Both stacks serve getRequest; "not found" means the request never reached the server. */
async function lookUpRequest(requestId: string): Promise<RequestView | null> {
  try {
    return await call('getRequest', { requestId });
  } catch (error) {
    if ((error as { code?: string }).code === 'functions/not-found') return null;
    throw error;
  }
}

/** The queue's entries, kept fresh, and replayed whenever the browser comes back online (and on mount). */
export function useOfflineQueue() {
  const ds = useDataSource();
  const queue = offlineQueueOf(ds);
  const [entries, setEntries] = useState<QueuedAction[]>(() => queue?.list() ?? []);
  const [sending, setSending] = useState(false);
  const refresh = useCallback(() => setEntries(queue?.list() ?? []), [queue]);

  const replay = useCallback(async () => {
    if (!queue || queue.pending().length === 0 || !navigator.onLine) return refresh();
    setSending(true);
    try {
      await replayQueue(ds, lookUpRequest);
    } finally {
      setSending(false);
      refresh();
    }
  }, [queue, ds, refresh]);

  useEffect(() => {
    void replay();
    const onOnline = () => void replay();
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', refresh);
    // Forms add entries while this is mounted; a light poll of local storage shows them.
    const timer = window.setInterval(refresh, 2000);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', refresh);
      window.clearInterval(timer);
    };
  }, [replay, refresh]);

  const discard = useCallback(
    (id: string) => {
      queue?.discard(id);
      refresh();
    },
    [queue, refresh],
  );
  const retry = useCallback(
    async (id: string, caseId: string) => {
      if (!queue) return;
      // Against the case as it is now: its current revision.
      const detail = await call('getCase', { caseId });
      queue.retry(id, detail.case.rev, crypto.randomUUID(), new Date().toISOString());
      await replay();
    },
    [queue, ds, replay],
  );
  return { entries, sending, replay, discard, retry, online: navigator.onLine };
}
