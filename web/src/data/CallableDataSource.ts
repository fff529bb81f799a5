import type { RequestView, SubmitRequestInput } from '../../../functions/src/api/contract';
import { call } from '../api/call';
import { RequestTimeoutError, SUBMIT_TIMEOUT_MS, type DataSource } from './DataSource';
import { invalidateLive } from './queries';

const REQUEST_POLL_MS = 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
    while (Date.now() < deadline) {
      const request = await call('getRequest', { requestId });
      if (request.state !== 'PENDING') {
        // What the request changed should show at once, not at the next poll.
        void invalidateLive();
        return request;
      }
      await sleep(REQUEST_POLL_MS);
    }
    throw new RequestTimeoutError(requestId);
  }
}
