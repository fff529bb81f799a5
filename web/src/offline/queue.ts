/**
 * Offline field work (docs/decisions/0016): case actions an RO records without a connection wait here, in the order
 * they were made, persisted (localStorage in the browser), and are sent in that order when the device is back.
 * Each carries the case revision the RO saw; the server refuses it as a conflict if the case moved on
 * meanwhile, and then the entry stays, with the server's reason and everything the RO typed, until the RO
 * sends it again against the case as it is now, or discards it. Pure TypeScript: no React, no Firebase.
 */

/** What the queue needs of storage: the part of the Web Storage API it uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A request body as DataSource.submit takes it (its payload carries expectedRev). */
export interface QueuedBody {
  type: 'caseAction' | 'completeTask' | 'manualTransition';
  caseId: string;
  payload: Record<string, unknown>;
}

export interface Rejection {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export interface QueuedAction {
  /** The clientRequestId: a replay after a lost answer is the same request, never a second one. */
  id: string;
  body: QueuedBody;
  /** The case revision this action expects: what the RO saw, plus their own earlier queued actions applied. */
  expectedRev: number;
  /** What the RO did, in their words ("Record a customer contact: Promised to pay"). */
  label: string;
  queuedAt: string;
  state: 'pending' | 'rejected';
  rejection: Rejection | null;
  /** How many times sending was tried: after the first, the request may already exist on the server. */
  attempts: number;
}

/** The outcome of sending one action: the request's final state, or no answer (still offline, timed out). */
export type SendOutcome =
  { state: 'APPLIED' } | { state: 'REJECTED'; error: Rejection | null } | { state: 'UNSENT'; reason: string };

export interface ReplayReport {
  applied: string[];
  rejected: string[];
  /** Set when sending stopped early (no connection): what is left is sent on the next replay. */
  stoppedBy: string | null;
}

/** Sends one action and waits for its decision; `attempt` > 1 means it may already have reached the server. */
export type Sender = (body: QueuedBody, clientRequestId: string, attempt: number) => Promise<SendOutcome>;

const STORAGE_KEY = 'debtx.offlineQueue.v1';

/**
 * Where a user's queue is kept: one key per signed-in user, so what one RO queued on a shared phone is never
 * listed, replayed or discarded in the next user's session (it waits for its owner to sign in again).
 */
export const userQueueKey = (uid: string | null): string => `debtx.offlineQueue.v2.${uid ?? 'signed-out'}`;

export class OfflineQueue {
  private replaying: Promise<ReplayReport> | null = null;
  private readonly keyOf: () => string;

  /** `key`: a fixed storage key, or one read on every use (the signed-in user's: `userQueueKey`). */
  constructor(
    private readonly store: KeyValueStore,
    key: string | (() => string) = STORAGE_KEY,
  ) {
    this.keyOf = typeof key === 'function' ? key : () => key;
  }

  private get key(): string {
    return this.keyOf();
  }

  /** Every entry, oldest first. A corrupt or foreign value reads as an empty queue rather than breaking the app. */
  list(key: string = this.key): QueuedAction[] {
    try {
      const raw = this.store.getItem(key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as QueuedAction[]) : [];
    } catch {
      return [];
    }
  }

  pending(): QueuedAction[] {
    return this.list().filter((a) => a.state === 'pending');
  }

  rejected(): QueuedAction[] {
    return this.list().filter((a) => a.state === 'rejected');
  }

  private save(actions: QueuedAction[], key: string = this.key): void {
    this.store.setItem(key, JSON.stringify(actions));
  }

  /** Adds an action at the end; its expectedRev is the payload's (what the RO saw). */
  enqueue(input: { id: string; body: QueuedBody; label: string; queuedAt: string }): QueuedAction {
    const rev = input.body.payload.expectedRev;
    if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 0) {
      throw new Error('A queued action must carry the case revision the user saw (payload.expectedRev).');
    }
    const actions = this.list();
    if (actions.some((a) => a.id === input.id)) return actions.find((a) => a.id === input.id)!;
    // Actions queued earlier on the same case and still pending will each move the case on by one revision
    // when applied; this one was typed after them, so it expects the case as they will leave it.
    const before = actions.filter((a) => a.state === 'pending' && a.body.caseId === input.body.caseId).length;
    const action: QueuedAction = {
      id: input.id,
      body: input.body,
      expectedRev: rev + before,
      label: input.label,
      queuedAt: input.queuedAt,
      state: 'pending',
      rejection: null,
      attempts: 0,
    };
    this.save([...actions, action]);
    return action;
  }

  discard(id: string): void {
    this.save(this.list().filter((a) => a.id !== id));
  }

  /**
   * Sends a rejected action again, as typed, against the case as it is now (`currentRev`), under a new
   * request id (the old one was decided). It goes to the end of the queue.
   */
  retry(id: string, currentRev: number, newId: string, now: string): QueuedAction | null {
    const actions = this.list();
    const old = actions.find((a) => a.id === id && a.state === 'rejected');
    if (!old) return null;
    this.save(actions.filter((a) => a.id !== id));
    return this.enqueue({
      id: newId,
      body: { ...old.body, payload: { ...old.body.payload, expectedRev: currentRev } },
      label: old.label,
      queuedAt: now,
    });
  }

  /**
   * Sends every pending action, oldest first, one at a time (each waits for the server's decision, so they
   * apply in order). Applied ones leave the queue; rejected ones stay with the reason; on no answer it stops
   * and keeps the rest. Only one replay runs at a time: a second call joins the first.
   */
  replay(send: Sender): Promise<ReplayReport> {
    this.replaying ??= this.replayNow(send).finally(() => {
      this.replaying = null;
    });
    return this.replaying;
  }

  private async replayNow(send: Sender): Promise<ReplayReport> {
    const report: ReplayReport = { applied: [], rejected: [], stoppedBy: null };
    const owner = this.key;
    for (;;) {
      // A sign-out (or another user signing in) mid-replay stops it: the rest is its owner's, sent in their session.
      if (this.key !== owner) {
        report.stoppedBy = 'signed out';
        return report;
      }
      const next = this.list(owner).filter((a) => a.state === 'pending')[0];
      if (!next) return report;
      const body: QueuedBody = { ...next.body, payload: { ...next.body.payload, expectedRev: next.expectedRev } };
      const attempt = (next.attempts ?? 0) + 1;
      this.save(
        this.list(owner).map((a) => (a.id === next.id ? { ...a, attempts: attempt } : a)),
        owner,
      );
      const outcome = await send(body, next.id, attempt);
      if (outcome.state === 'UNSENT') {
        report.stoppedBy = outcome.reason;
        return report;
      }
      const actions = this.list(owner);
      if (outcome.state === 'APPLIED') {
        report.applied.push(next.id);
        this.save(
          actions.filter((a) => a.id !== next.id),
          owner,
        );
      } else {
        report.rejected.push(next.id);
        // Later actions on this case expected this one to apply first: they now expect one revision less.
        const later = actions.slice(actions.findIndex((a) => a.id === next.id) + 1);
        this.save(
          actions.map((a) => {
            if (a.id === next.id)
              return {
                ...a,
                state: 'rejected' as const,
                rejection: outcome.error ?? { code: 'rejected', message: 'The request was refused.' },
              };
            if (later.includes(a) && a.state === 'pending' && a.body.caseId === next.body.caseId)
              return { ...a, expectedRev: Math.max(0, a.expectedRev - 1) };
            return a;
          }),
          owner,
        );
      }
    }
  }
}
