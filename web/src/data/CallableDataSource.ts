import type { RequestView, SubmitRequestInput } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { RequestTimeoutError, SUBMIT_TIMEOUT_MS, type DataSource } from './DataSource';
import { invalidateLive } from './queries';
import { retry } from '../../../functions/src/domain/retry/retry';

const REQUEST_POLL_MS = 500;

/**
 * The offline stack's data source: the browser cannot reach its Firestore, so requests go through callable
 * functions, and "live" means the queries poll while a screen is open (data/queries.ts).
 */
export class CallableDataSource implements DataSource {
  readonly stack = 'offline' as const;

  whoAmI() {
    return call('whoAmI', {});
  }

  listen(): null {
    return null;
  }

  async submit(input: SubmitRequestInput): Promise<RequestView> {
    const deadline = Date.now() + SUBMIT_TIMEOUT_MS;
    const { requestId } = await call('submitRequest', input);
    const request = await retry(() => call('getRequest', { requestId }), {
      attempts: Infinity,
      deadline,
      delayMs: () => REQUEST_POLL_MS,
      retryOnValue: (r) => r.state === 'PENDING',
    });
    if (request.state === 'PENDING') throw new RequestTimeoutError(requestId);
    // What the request changed should show at once, not at the next poll.
    void invalidateLive();
    return request;
  }
}
