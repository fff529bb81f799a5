import { FirebaseError } from 'firebase/app';
import type { RequestView, SubmitRequestInput } from '../../../functions/src/domain/contracts/types';
import { RequestTimeoutError, type DataSource } from '../data/DataSource';
import { OfflineQueue, type QueuedBody, type ReplayReport, type SendOutcome } from './queue';

/** Thrown by submit when the action was kept for later instead of sent: forms show it as "saved offline". */
export class QueuedOfflineError extends Error {
  constructor(readonly requestId: string) {
    super('You are offline. The action is saved on this device and will be sent, in order, when you are back online.');
    this.name = 'QueuedOfflineError';
  }
}

const NETWORK_CODES = new Set(['functions/unavailable', 'functions/deadline-exceeded', 'functions/internal']);

/** No connection (as opposed to an answer): the request may be sent again later under the same id. */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof RequestTimeoutError) return true;
  if (error instanceof FirebaseError)
    return NETWORK_CODES.has(error.code) || error.code.endsWith('network-request-failed');
  return error instanceof TypeError; // fetch's "Failed to fetch"
}

function queueable(input: SubmitRequestInput): input is SubmitRequestInput & QueuedBody {
  return (
    (input.type === 'caseAction' || input.type === 'completeTask' || input.type === 'manualTransition') &&
    typeof input.caseId === 'string' &&
    typeof input.payload.expectedRev === 'number'
  );
}

function labelOf(input: SubmitRequestInput): string {
  const p = input.payload;
  if (input.type === 'caseAction') return `${String(p.action)}: ${String(p.result)}`;
  if (input.type === 'completeTask') return `completeTask: ${String(p.taskId)}`;
  return `${input.type}: ${String(p.to ?? '')}`;
}

/** The fate of a request already written, or null when the server has none by that id. */
export type LookUpRequest = (requestId: string) => Promise<RequestView | null>;

/**
 * Sends one queued action and waits for its decision; a network failure is "not sent", to try again later.
 * A retried action is first looked up: it may have reached the server before the connection dropped (on the
 * full stack a second write of a decided request document is refused, which must not read as a rejection).
 */
export function sender(ds: DataSource, lookUp: LookUpRequest) {
  return async (body: QueuedBody, clientRequestId: string, attempt: number): Promise<SendOutcome> => {
    try {
      if (attempt > 1) {
        const known = await lookUp(clientRequestId);
        if (known?.state === 'APPLIED') return { state: 'APPLIED' };
        if (known?.state === 'REJECTED') return { state: 'REJECTED', error: known.error };
        if (known) return { state: 'UNSENT', reason: 'still being applied' };
      }
      const view: RequestView = await ds.submit({ ...body, clientRequestId });
      return view.state === 'APPLIED' ? { state: 'APPLIED' } : { state: 'REJECTED', error: view.error };
    } catch (error) {
      if (isNetworkFailure(error)) return { state: 'UNSENT', reason: (error as Error).message };
      // Refused before it became a request (scope, bad input): a decision, shown like a rejection.
      const code = error instanceof FirebaseError ? error.code.replace(/^functions\//, '') : 'error';
      const fields = (error as { details?: { fields?: Record<string, string> } }).details?.fields;
      return { state: 'REJECTED', error: { code, message: (error as Error).message, ...(fields ? { fields } : {}) } };
    }
  };
}

/**
 * The data source with offline field work: a case action submitted while the browser is offline, or whose
 * sending fails for want of a connection, is queued (same clientRequestId) and QueuedOfflineError is thrown.
 * Everything else passes through. On the full stack Firestore's own persistence could queue request
 * documents natively; this queue works on both stacks (docs/decisions/0016).
 */
export function withOfflineQueue(ds: DataSource, queue: OfflineQueue, online: () => boolean): DataSource {
  const wrapped = Object.create(ds) as Queued;
  wrapped.offlineQueue = queue;
  wrapped.unqueued = ds;
  wrapped.submit = async (input: SubmitRequestInput) => {
    if (!queueable(input)) return ds.submit(input);
    const keep = () => {
      queue.enqueue({
        id: input.clientRequestId,
        body: { type: input.type, caseId: input.caseId, payload: input.payload },
        label: labelOf(input),
        queuedAt: new Date().toISOString(),
      });
      return new QueuedOfflineError(input.clientRequestId);
    };
    // Actions already waiting on this case go first: this one was typed after them.
    if (!online() || queue.pending().some((a) => a.body.caseId === input.caseId)) throw keep();
    try {
      return await ds.submit(input);
    } catch (error) {
      if (isNetworkFailure(error)) throw keep();
      throw error;
    }
  };
  return wrapped;
}

type Queued = DataSource & { offlineQueue: OfflineQueue; unqueued: DataSource };

export function offlineQueueOf(ds: DataSource): OfflineQueue | null {
  return (ds as Partial<Queued>).offlineQueue ?? null;
}

/**
 * Sends the queue through the data source underneath the queue: through the wrapped one, each queued action
 * would find itself pending on its case and be queued again instead of sent. Null when there is no queue.
 */
export function replayQueue(ds: DataSource, lookUp: LookUpRequest): Promise<ReplayReport> | null {
  const { offlineQueue, unqueued } = ds as Partial<Queued>;
  if (!offlineQueue || !unqueued) return null;
  return offlineQueue.replay(sender(unqueued, lookUp));
}
