import { expect, it } from 'vitest';
import { OfflineQueue, userQueueKey, type KeyValueStore, type QueuedBody, type SendOutcome } from './queue';

/** The web client's offline queue (docs/decisions/0016): order, revisions, conflicts, nothing typed ever lost. */
class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

const contact = (caseId: string, rev: number, notes: string): QueuedBody => ({
  type: 'caseAction',
  caseId,
  payload: { action: 'recordContact', result: 'call_back', inputs: { channel: 'visit', notes }, expectedRev: rev },
});

/** A fake server: applies a request when its expectedRev matches the case's revision, else a conflict. */
function server(revs: Record<string, number>) {
  const seen: { id: string; caseId: string; rev: number; notes: string }[] = [];
  const decided = new Map<string, SendOutcome>();
  let offline = false;
  const send = async (body: QueuedBody, id: string): Promise<SendOutcome> => {
    if (offline) return { state: 'UNSENT', reason: 'offline' };
    const previous = decided.get(id);
    if (previous) return previous; // idempotent by client request id
    const rev = body.payload.expectedRev as number;
    seen.push({ id, caseId: body.caseId, rev, notes: String((body.payload.inputs as { notes: string }).notes) });
    const outcome: SendOutcome =
      rev === revs[body.caseId]
        ? { state: 'APPLIED' }
        : { state: 'REJECTED', error: { code: 'conflict', message: 'The case changed after you opened it.' } };
    if (outcome.state === 'APPLIED') revs[body.caseId]! += 1;
    decided.set(id, outcome);
    return outcome;
  };
  return { send, seen, setOffline: (v: boolean) => (offline = v) };
}

const at = '2026-11-23T10:00:00.000Z';

it('persists entries in the store, so a reload keeps them', () => {
  const store = new MemoryStore();
  new OfflineQueue(store).enqueue({ id: 'a1', body: contact('C1', 4, 'first'), label: 'contact', queuedAt: at });
  const again = new OfflineQueue(store);
  expect(again.list()).toHaveLength(1);
  expect(again.list()[0]).toMatchObject({ id: 'a1', expectedRev: 4, state: 'pending' });
});

it('refuses an action without the revision the user saw', () => {
  const q = new OfflineQueue(new MemoryStore());
  const body = { ...contact('C1', 4, 'x'), payload: { action: 'recordContact' } };
  expect(() => q.enqueue({ id: 'a1', body, label: 'contact', queuedAt: at })).toThrow(/expectedRev/);
});

it('enqueues an id once (a double tap is one action)', () => {
  const q = new OfflineQueue(new MemoryStore());
  q.enqueue({ id: 'a1', body: contact('C1', 4, 'x'), label: 'contact', queuedAt: at });
  q.enqueue({ id: 'a1', body: contact('C1', 4, 'x'), label: 'contact', queuedAt: at });
  expect(q.list()).toHaveLength(1);
});

it('replays in order; later actions on a case expect the revisions the earlier ones make', async () => {
  const q = new OfflineQueue(new MemoryStore());
  const s = server({ C1: 4, C2: 10 });
  q.enqueue({ id: 'a1', body: contact('C1', 4, 'one'), label: 'contact', queuedAt: at });
  q.enqueue({ id: 'b1', body: contact('C2', 10, 'other case'), label: 'contact', queuedAt: at });
  q.enqueue({ id: 'a2', body: contact('C1', 4, 'two'), label: 'contact', queuedAt: at });
  q.enqueue({ id: 'a3', body: contact('C1', 4, 'three'), label: 'contact', queuedAt: at });
  const report = await q.replay(s.send);
  expect(report).toEqual({ applied: ['a1', 'b1', 'a2', 'a3'], rejected: [], stoppedBy: null });
  expect(s.seen.map((x) => `${x.notes}@${x.rev}`)).toEqual(['one@4', 'other case@10', 'two@5', 'three@6']);
  expect(q.list()).toEqual([]);
});

it('keeps a conflict with the server’s reason and everything typed; the case’s later actions expect one revision less', async () => {
  const q = new OfflineQueue(new MemoryStore());
  const s = server({ C1: 7 }); // someone else moved the case from 4 to 7 meanwhile
  q.enqueue({ id: 'a1', body: contact('C1', 4, 'promised on Friday'), label: 'contact', queuedAt: at });
  q.enqueue({ id: 'a2', body: contact('C1', 4, 'second visit'), label: 'contact', queuedAt: at });
  const report = await q.replay(s.send);
  expect(report.rejected).toEqual(['a1', 'a2']);
  expect(s.seen.map((x) => x.rev)).toEqual([4, 4]);
  const [first] = q.rejected();
  expect(first).toMatchObject({
    state: 'rejected',
    rejection: { code: 'conflict', message: 'The case changed after you opened it.' },
    body: { payload: { inputs: { notes: 'promised on Friday' } } },
  });
  // Sent again against the case as it is now, as typed, under a new id: applied.
  q.retry('a1', 7, 'a1-again', at);
  expect(q.pending()[0]).toMatchObject({
    id: 'a1-again',
    expectedRev: 7,
    body: { payload: { inputs: { notes: 'promised on Friday' } } },
  });
  const again = await q.replay(s.send);
  expect(again.applied).toEqual(['a1-again']);
  expect(q.rejected().map((a) => a.id)).toEqual(['a2']);
  q.discard('a2');
  expect(q.list()).toEqual([]);
});

it('stops when the connection drops mid-replay, keeping the rest with their revisions, and resumes in order', async () => {
  const q = new OfflineQueue(new MemoryStore());
  const s = server({ C1: 1 });
  q.enqueue({ id: 'a1', body: contact('C1', 1, 'one'), label: 'contact', queuedAt: at });
  q.enqueue({ id: 'a2', body: contact('C1', 1, 'two'), label: 'contact', queuedAt: at });
  q.enqueue({ id: 'a3', body: contact('C1', 1, 'three'), label: 'contact', queuedAt: at });
  let calls = 0;
  const flaky = async (body: QueuedBody, id: string) =>
    ++calls === 2 ? { state: 'UNSENT' as const, reason: 'offline' } : s.send(body, id);
  const first = await q.replay(flaky);
  expect(first).toEqual({ applied: ['a1'], rejected: [], stoppedBy: 'offline' });
  expect(q.pending().map((a) => [a.id, a.expectedRev])).toEqual([
    ['a2', 2],
    ['a3', 3],
  ]);
  const second = await q.replay(s.send);
  expect(second.applied).toEqual(['a2', 'a3']);
});

it('does not apply twice when the answer to a sent action was lost (same request id)', async () => {
  const q = new OfflineQueue(new MemoryStore());
  const s = server({ C1: 1 });
  q.enqueue({ id: 'a1', body: contact('C1', 1, 'one'), label: 'contact', queuedAt: at });
  // The server applied it but the device never heard back.
  const lost = async (body: QueuedBody, id: string) => {
    await s.send(body, id);
    return { state: 'UNSENT' as const, reason: 'timeout' };
  };
  await q.replay(lost);
  expect(q.pending()).toMatchObject([{ id: 'a1', attempts: 1 }]);
  // The second attempt is told so, and the sender may look the request up before writing it again.
  const attempts: number[] = [];
  const report = await q.replay(async (body, id, attempt) => {
    attempts.push(attempt);
    return s.send(body, id);
  });
  expect(attempts).toEqual([2]);
  expect(report.applied).toEqual(['a1']);
  expect(s.seen).toHaveLength(1);
});

it('runs one replay at a time', async () => {
  const q = new OfflineQueue(new MemoryStore());
  const s = server({ C1: 1 });
  q.enqueue({ id: 'a1', body: contact('C1', 1, 'one'), label: 'contact', queuedAt: at });
  const [r1, r2] = await Promise.all([q.replay(s.send), q.replay(s.send)]);
  expect(r1).toBe(r2);
  expect(s.seen).toHaveLength(1);
});

it('reads a corrupt store as empty instead of breaking the app', () => {
  const store = new MemoryStore();
  store.setItem('debtx.offlineQueue.v1', '{not json');
  expect(new OfflineQueue(store).list()).toEqual([]);
  store.setItem('debtx.offlineQueue.v1', '{"a":1}');
  expect(new OfflineQueue(store).list()).toEqual([]);
});

it("keeps each user's actions to that user: the next user on the browser neither sees nor sends them", async () => {
  const store = new MemoryStore();
  let uid: string | null = 'ro1';
  const q = new OfflineQueue(store, () => userQueueKey(uid));
  q.enqueue({ id: 'a1', body: contact('C1', 4, 'ro1 visited'), label: 'contact', queuedAt: at });
  uid = 'ro2';
  expect(q.list()).toEqual([]);
  const { send, seen } = server({ C1: 4 });
  expect(await q.replay(send)).toEqual({ applied: [], rejected: [], stoppedBy: null });
  expect(seen).toEqual([]);
  uid = 'ro1';
  expect(q.pending().map((a) => a.id)).toEqual(['a1']);
  expect((await q.replay(send)).applied).toEqual(['a1']);
});

it('stops a replay when its user signs out half-way, leaving the rest for them', async () => {
  const store = new MemoryStore();
  let uid: string | null = 'ro1';
  const q = new OfflineQueue(store, () => userQueueKey(uid));
  q.enqueue({ id: 'a1', body: contact('C1', 4, 'first'), label: 'contact', queuedAt: at });
  q.enqueue({ id: 'a2', body: contact('C1', 4, 'second'), label: 'contact', queuedAt: at });
  const { send } = server({ C1: 4 });
  const report = await q.replay(async (body, id) => {
    const outcome = await send(body, id);
    uid = null; // signed out while the first answer came back
    return outcome;
  });
  expect(report).toEqual({ applied: ['a1'], rejected: [], stoppedBy: 'signed out' });
  uid = 'ro1';
  expect(q.pending().map((a) => a.id)).toEqual(['a2']);
});
