import { expect, it } from 'vitest';
import type { RequestView, SubmitRequestInput } from '../../../functions/src/domain/contracts/types';
import type { DataSource } from '../data/DataSource';
import { QueuedOfflineError, replayQueue, withOfflineQueue } from './offlineDataSource';
import { OfflineQueue, type KeyValueStore } from './queue';

/** The data source as the app uses it: submit while offline queues, coming back online sends the queue. */
class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

function fakeServer() {
  const received: SubmitRequestInput[] = [];
  const ds = {
    submit: async (input: SubmitRequestInput): Promise<RequestView> => {
      received.push(input);
      return {
        id: input.clientRequestId,
        type: input.type,
        state: 'APPLIED',
        caseId: input.caseId ?? null,
        error: null,
        createdAt: '2026-12-05T10:00:00.000Z',
        appliedAt: '2026-12-05T10:00:01.000Z',
      };
    },
  } as Partial<DataSource> as DataSource; // only submit is reached on this path
  return { ds, received };
}

const noAnswer = (clientRequestId: string): SubmitRequestInput => ({
  type: 'caseAction',
  caseId: 'C1',
  clientRequestId,
  payload: { action: 'recordContact', result: 'no_answer', inputs: { notes: 'nobody home' }, expectedRev: 4 },
});

it('sends an action queued offline once the phone is back online, under its own request id', async () => {
  const server = fakeServer();
  const queue = new OfflineQueue(new MemoryStore());
  let online = false;
  const app = withOfflineQueue(server.ds, queue, () => online);

  await expect(app.submit(noAnswer('r1'))).rejects.toBeInstanceOf(QueuedOfflineError);
  expect(server.received).toHaveLength(0);

  online = true;
  const report = await replayQueue(app, async () => null);
  // Sending the queue must not go through the queueing path again (the action itself is pending on its case).
  expect(report?.applied).toEqual(['r1']);
  expect(server.received.map((r) => [r.clientRequestId, r.payload.expectedRev])).toEqual([['r1', 4]]);
  expect(queue.list()).toEqual([]);
});

it('while an action waits on a case, a new one on that case queues behind it even online', async () => {
  const server = fakeServer();
  const queue = new OfflineQueue(new MemoryStore());
  let online = false;
  const app = withOfflineQueue(server.ds, queue, () => online);
  await expect(app.submit(noAnswer('r1'))).rejects.toBeInstanceOf(QueuedOfflineError);
  online = true;
  await expect(app.submit(noAnswer('r2'))).rejects.toBeInstanceOf(QueuedOfflineError);
  expect(server.received).toHaveLength(0);

  await replayQueue(app, async () => null);
  expect(server.received.map((r) => [r.clientRequestId, r.payload.expectedRev])).toEqual([
    ['r1', 4],
    ['r2', 5],
  ]);
});

it('has nothing to replay on a data source without a queue', async () => {
  expect(await replayQueue(fakeServer().ds, async () => null)).toBeNull();
});
