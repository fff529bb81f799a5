import functionsTest from 'firebase-functions-test';
import type { DocumentData, DocumentSnapshot } from 'firebase-admin/firestore';
import type { ScheduledEvent } from 'firebase-functions/v2/scheduler';
import { COL, firestore } from '../../functions/src/data/db';
import { onCaseCreated } from '../../functions/src/triggers/onCaseCreated';
import { onRequestCreated } from '../../functions/src/triggers/onRequestCreated';
import { monitorSchedule } from '../../functions/src/triggers/monitorSchedule';
import { onImportWritten } from '../../functions/src/triggers/onImportWritten';
import { onSourceChangeCreated } from '../../functions/src/triggers/onSourceChangeCreated';
import { syncDataLakeSchedule } from '../../functions/src/triggers/syncDataLakeSchedule';
import { sweepPendingSchedule } from '../../functions/src/triggers/sweepPending';
import { onAuditNotify } from '../../functions/src/triggers/onAuditNotify';
import { onNotificationCreated } from '../../functions/src/triggers/onNotificationCreated';
import { onImportNotify } from '../../functions/src/triggers/onImportNotify';
import { notifySchedule } from '../../functions/src/triggers/notifySchedule';
import { NCOL } from '../../functions/src/services/notifications/store';
import { SOURCE_CHANGES } from '../../functions/src/services/sourceSync';
import { IMPORTS } from '../../functions/src/services/bulkImportStore';

/**
 * Dev-only relay for the offline stack (docs/architecture.md): the offline Firestore cannot notify the Functions
 * emulator, so this listens to the trigger paths with the Admin SDK and runs the same exported
 * triggers on each new document. Events go one at a time (the offline Firestore does not isolate
 * transactions) and carry a stable id (path + create time), so a replay is an honest duplicate.
 */
export interface Relay {
  stop(): void;
  /** Resolves when every event seen so far has been handled. */
  idle(): Promise<void>;
  handled: number;
}

/** Events that waited longer than this in the queue are logged. */
const LAG_LOG_MS = 10_000;

export function startRelay(log: (line: string) => void = () => {}): Relay {
  // Named explicitly: without a config firebase-functions-test would switch GCLOUD_PROJECT to 'not-a-project'.
  const fft = functionsTest({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-debtx' });
  // Audit events notify from the relay's start on: the demo data seeded before it is history, not news.
  const startedAt = new Date().toISOString();
  // Each route listens only where its trigger could still have work (the triggers themselves are idempotent),
  // so a restart does not replay every document ever written through the one-at-a-time queue.
  const routes = [
    {
      query: firestore().collection(COL.requests).where('state', '==', 'PENDING'),
      param: 'requestId',
      run: fft.wrap(onRequestCreated),
      name: 'onRequestCreated',
    },
    {
      query: firestore().collection(COL.cases).where('status', '==', 'OPEN'),
      param: 'caseId',
      run: fft.wrap(onCaseCreated),
      name: 'onCaseCreated',
    },
    {
      query: firestore().collection(SOURCE_CHANGES).where('state', '==', 'PENDING'),
      param: 'changeId',
      run: fft.wrap(onSourceChangeCreated),
      name: 'onSourceChangeCreated',
    },
    {
      query: firestore().collection(COL.audit).where('at', '>=', startedAt),
      param: 'eventId',
      run: fft.wrap(onAuditNotify),
      name: 'onAuditNotify',
    },
    {
      query: firestore().collection(NCOL.outbox).where('state', '==', 'PENDING'),
      param: 'deliveryId',
      run: fft.wrap(onNotificationCreated),
      name: 'onNotificationCreated',
    },
  ];
  let chain: Promise<void> = Promise.resolve();
  let waiting = 0;
  /**
   * Appends one event to the one-at-a-time queue. An event that waited long is logged with how many were ahead:
   * on a busy machine that is what makes a screen look stuck (an upload not progressing, a request still pending).
   */
  const queue = (what: string, work: () => Promise<unknown>) => {
    const queuedAt = Date.now();
    const ahead = waiting;
    waiting += 1;
    chain = chain.then(async () => {
      const waited = Date.now() - queuedAt;
      if (waited > LAG_LOG_MS) log(`relay: ${what} waited ${(waited / 1000).toFixed(1)} s behind ${ahead} event(s)`);
      try {
        await work();
        relay.handled += 1;
      } catch (error) {
        log(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`);
      } finally {
        waiting -= 1;
      }
    });
  };
  // Scheduled functions run on their schedules too (nothing else would run them offline): the monitor first a minute
  // after start, then every interval; the data-lake sync sooner, so the lake's demo incidents are registered shortly
  // after start.
  const schedules = [
    {
      name: 'monitorSchedule',
      fn: monitorSchedule,
      firstMs: Number(process.env.DEBTX_MONITOR_FIRST_MS ?? 60_000),
      everyMs: Number(process.env.DEBTX_MONITOR_EVERY_MS ?? 15 * 60_000),
    },
    {
      name: 'syncDataLakeSchedule',
      fn: syncDataLakeSchedule,
      firstMs: Number(process.env.DEBTX_LAKE_FIRST_MS ?? 20_000),
      everyMs: Number(process.env.DEBTX_LAKE_EVERY_MS ?? 10 * 60_000),
    },
    {
      // Every 5 minutes deployed; every minute here, so reminders and retries show while someone watches.
      name: 'notifySchedule',
      fn: notifySchedule,
      firstMs: Number(process.env.DEBTX_NOTIFY_FIRST_MS ?? 45_000),
      everyMs: Number(process.env.DEBTX_NOTIFY_EVERY_MS ?? 60_000),
    },
    {
      // Every 5 minutes, as deployed: re-drives requests and source changes left PENDING and deferred placements.
      name: 'sweepPendingSchedule',
      fn: sweepPendingSchedule,
      firstMs: Number(process.env.DEBTX_SWEEP_FIRST_MS ?? 90_000),
      everyMs: Number(process.env.DEBTX_SWEEP_EVERY_MS ?? 5 * 60_000),
    },
  ];
  const timers: NodeJS.Timeout[] = [];
  for (const schedule of schedules) {
    const runSchedule = () =>
      queue(schedule.name, async () => {
        const event: ScheduledEvent = { scheduleTime: new Date().toISOString(), jobName: `relay-${schedule.name}` };
        await schedule.fn.run(event);
      });
    timers.push(
      setTimeout(() => {
        runSchedule();
        timers.push(setInterval(runSchedule, schedule.everyMs));
      }, schedule.firstMs),
    );
  }
  const relay: Relay = {
    handled: 0,
    stop: () => {
      for (const t of timers) clearTimeout(t); // clearTimeout also clears an interval
      for (const u of unsubscribers) u();
      fft.cleanup();
    },
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
  };
  const enqueue = (route: (typeof routes)[number], snap: DocumentSnapshot) => {
    const eventId = `${snap.ref.path}@${snap.createTime?.toMillis() ?? 0}`;
    queue(`${route.name} on ${snap.ref.path}`, () =>
      route.run({ data: snap, params: { [route.param]: snap.id }, id: eventId }),
    );
  };
  const unsubscribers = routes.map((route) =>
    route.query.onSnapshot(
      (snapshot) => {
        for (const change of snapshot.docChanges()) if (change.type === 'added') enqueue(route, change.doc);
      },
      (error) => log(`listener for ${route.name} failed: ${error.message}`),
    ),
  );
  unsubscribers.push(relayImportWrites(fft, queue, log));
  return relay;
}

/**
 * onImportWritten is a write trigger (each chunk's commit starts the next chunk), so it needs every change of a
 * running import with its before and after: the listener keeps the last data it saw of each one.
 */
function relayImportWrites(
  fft: ReturnType<typeof functionsTest>,
  queue: (what: string, work: () => Promise<unknown>) => void,
  log: (line: string) => void,
): () => void {
  const run = fft.wrap(onImportWritten);
  const notify = fft.wrap(onImportNotify);
  const seen = new Map<string, DocumentData>();
  // An import that leaves RUNNING has finished or failed: onImportNotify (an update trigger) tells its owner.
  const finished = (id: string, before: DocumentData | undefined) =>
    queue(`onImportNotify on ${IMPORTS}/${id}`, async () => {
      const after = await firestore().collection(IMPORTS).doc(id).get();
      if (!after.exists) return;
      const beforeSnap = fft.firestore.makeDocumentSnapshot(before ?? {}, after.ref.path);
      await notify({
        data: fft.makeChange(beforeSnap, after),
        params: { importId: id },
        id: `${after.ref.path}@${after.updateTime?.toMillis() ?? 0}`,
      });
    });
  return firestore()
    .collection(IMPORTS)
    .where('state', '==', 'RUNNING')
    .onSnapshot(
      (snapshot) => {
        for (const change of snapshot.docChanges()) {
          const snap = change.doc;
          const before = seen.get(snap.id);
          if (change.type === 'removed') {
            finished(snap.id, seen.get(snap.id));
            seen.delete(snap.id);
            continue;
          }
          seen.set(snap.id, snap.data());
          const eventId = `${snap.ref.path}@${snap.updateTime.toMillis()}`;
          const beforeSnap = fft.firestore.makeDocumentSnapshot(before ?? {}, snap.ref.path);
          queue(`onImportWritten on ${snap.ref.path}`, () =>
            run({ data: fft.makeChange(beforeSnap, snap), params: { importId: snap.id }, id: eventId }),
          );
        }
      },
      (error) => log(`listener for onImportWritten failed: ${error.message}`),
    );
}
