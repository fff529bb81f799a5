import type {
  CaseDetail,
  ListCasesInput,
  ListCasesOutput,
  RequestView,
  SubmitRequestInput,
} from '../../../functions/src/domain/contracts/types';
import type { ListInboxInput, ListInboxOutput } from '../../../functions/src/domain/contracts/types';
import { CallableAdmin } from './callableAdmin';
import { RequestTimeoutError, SUBMIT_TIMEOUT_MS, type DataSource, type OnError, type Unsubscribe } from './DataSource';
import { retry } from '../../../functions/src/domain/retry/retry';
import { poll, type Poller } from './poll';

const REQUEST_POLL_MS = 500;
const LIVE_FIGURES_POLL_MS = 5_000;

/**
 * The offline stack's data source: the browser cannot reach its Firestore, so everything goes
 * through callable functions, and "live" means polling while a screen is open.
 */
export class CallableDataSource extends CallableAdmin implements DataSource {
  readonly stack = 'offline' as const;
  private readonly pollers = new Set<Poller>();

  whoAmI() {
    return this.api.whoAmI();
  }

  watchCases(input: ListCasesInput, onData: (page: ListCasesOutput) => void, onError: OnError): Unsubscribe {
    return this.track(poll(() => this.api.listCases(input), onData, onError));
  }

  watchCase(caseId: string, onData: (detail: CaseDetail) => void, onError: OnError): Unsubscribe {
    return this.track(poll(() => this.api.getCase(caseId), onData, onError));
  }

  watchLive<T>(load: () => Promise<T>, onData: (value: T) => void, onError: OnError): Unsubscribe {
    // Figures cost a dozen aggregation queries a call: polled less often than lists, and poked after each request.
    return this.track(poll(load, onData, onError, LIVE_FIGURES_POLL_MS));
  }

  watchInbox(input: ListInboxInput, onData: (inbox: ListInboxOutput) => void, onError: OnError): Unsubscribe {
    // One small query and a count: polled like the live figures, and poked after each request this tab sends.
    return this.track(poll(() => this.api.listInbox(input), onData, onError, LIVE_FIGURES_POLL_MS));
  }

  async submit(input: SubmitRequestInput): Promise<RequestView> {
    const deadline = Date.now() + SUBMIT_TIMEOUT_MS;
    const { requestId } = await this.api.submitRequest(input);
    const request = await retry(() => this.api.getRequest(requestId), {
      attempts: Infinity,
      deadline,
      delayMs: () => REQUEST_POLL_MS,
      retryOnValue: (r) => r.state === 'PENDING',
    });
    if (request.state === 'PENDING') throw new RequestTimeoutError(requestId);
    // What the request changed should show at once, not at the next poll.
    for (const poller of this.pollers) poller.poke();
    return request;
  }

  private track(poller: Poller): Unsubscribe {
    this.pollers.add(poller);
    return () => {
      poller.stop();
      this.pollers.delete(poller);
    };
  }
}
