import functionsTest from 'firebase-functions-test';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import type { ScheduledEvent } from 'firebase-functions/v2/scheduler';
import { COL, firestore } from '../../functions/src/data/db';
import { onCaseCreated } from '../../functions/src/triggers/onCaseCreated';
import { onRequestCreated } from '../../functions/src/triggers/onRequestCreated';
import { monitorSchedule } from '../../functions/src/triggers/monitorSchedule';

/**
 * Dev-only relay for the offline stack (BRIEF §6): the offline Firestore cannot notify the Functions
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

export function startRelay(log: (line: string) => void = () => {}): Relay {
  // Named explicitly: without a config firebase-functions-test would switch GCLOUD_PROJECT to 'not-a-project'.
  const fft = functionsTest({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-debtx' });
  const routes = [
    { collection: COL.requests, param: 'requestId', run: fft.wrap(onRequestCreated), name: 'onRequestCreated' },
    { collection: COL.cases, param: 'caseId', run: fft.wrap(onCaseCreated), name: 'onCaseCreated' },
  ];
  let chain: Promise<void> = Promise.resolve();
  // Scheduled functions run on their schedules too (BRIEF §6): once at start (catch-up), then every interval.
  const everyMs = Number(process.env.DEBTX_MONITOR_EVERY_MS ?? 15 * 60_000);
  const runSchedule = () => {
    chain = chain.then(async () => {
      try {
        const event: ScheduledEvent = { scheduleTime: new Date().toISOString(), jobName: 'relay-monitorSchedule' };
        await monitorSchedule.run(event);
        relay.handled += 1;
      } catch (error) {
        log(`monitorSchedule failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    });
  };
  const timer = setInterval(runSchedule, everyMs);
  const relay: Relay = {
    handled: 0,
    stop: () => {
      clearInterval(timer);
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
    chain = chain.then(async () => {
      try {
        await route.run({ data: snap, params: { [route.param]: snap.id }, id: eventId });
        relay.handled += 1;
      } catch (error) {
        log(`${route.name} failed on ${snap.ref.path}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    });
  };
  runSchedule();
  const unsubscribers = routes.map((route) =>
    firestore()
      .collection(route.collection)
      .onSnapshot(
        (snapshot) => {
          for (const change of snapshot.docChanges()) if (change.type === 'added') enqueue(route, change.doc);
        },
        (error) => log(`listener on ${route.collection} failed: ${error.message}`),
      ),
  );
  return relay;
}
