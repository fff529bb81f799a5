import type { Me, RequestView, SubmitRequestInput } from '../../../functions/src/domain/contracts/types';
import type { Stack } from '../config';

export type Unsubscribe = () => void;
export type OnError = (error: unknown) => void;

/**
 * What a live screen shows may change without this tab doing anything: the caller's cases (lists, basket counts,
 * dashboard figures), one case, the caller's inbox.
 */
export type LiveTopic = { kind: 'cases' } | { kind: 'case'; caseId: string } | { kind: 'inbox' };

/**
 * What differs between the stacks; everything else goes through `call` (api/call.ts) on both. The full stack
 * listens to Firestore (under firestore.rules) and writes request documents directly; the offline stack's browser
 * cannot reach its Firestore, so it polls (the queries' refetch interval) and submits through callables.
 */
export interface DataSource {
  readonly stack: Stack;
  whoAmI(): Promise<Me>;
  /**
   * Calls `onChange` whenever the topic may have changed (not for the state it starts from), until unsubscribed:
   * a Firestore listener on the full stack. Null on the offline stack, where live queries poll instead.
   */
  listen(topic: LiveTopic, onChange: () => void, onError: OnError): Unsubscribe | null;
  /** Resolves once the request is APPLIED or REJECTED; rejects with a RequestTimeoutError after 20 s. */
  submit(input: SubmitRequestInput): Promise<RequestView>;
  /**
   * Removes what the stack's SDK keeps on the device (Firestore's persistent cache on the full stack); the data
   * source is unusable afterwards. Absent where nothing is kept.
   */
  clearDeviceCache?(): Promise<void>;
}

export const SUBMIT_TIMEOUT_MS = 20_000;

export class RequestTimeoutError extends Error {
  constructor(readonly requestId: string) {
    super(
      `No answer to request ${requestId} within ${SUBMIT_TIMEOUT_MS / 1000} s. It may still be applied: check the case before trying again.`,
    );
    this.name = 'RequestTimeoutError';
  }
}
