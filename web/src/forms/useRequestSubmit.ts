import { useCallback, useRef, useState } from 'react';
import type { RequestView, SubmitRequestInput } from '../../../functions/src/domain/contracts/types';
import { useDataSource } from '../data/DataSourceContext';
import { describeError, rejectionOf, type ShownError } from '../data/describeError';

export type SubmitState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'applied'; request: RequestView }
  | { status: 'failed'; error: ShownError };

type RequestBody = Omit<SubmitRequestInput, 'clientRequestId'>;

/**
 * Submits requests and tracks the outcome. Resubmitting the same body after a timeout or a
 * network failure reuses its request id, so the server never applies it twice.
 */
export function useRequestSubmit() {
  const ds = useDataSource();
  const [state, setState] = useState<SubmitState>({ status: 'idle' });
  const unanswered = useRef<{ body: string; id: string } | null>(null);

  const submit = useCallback(
    async (body: RequestBody): Promise<RequestView | null> => {
      const json = JSON.stringify(body);
      const id = unanswered.current?.body === json ? unanswered.current.id : crypto.randomUUID();
      unanswered.current = { body: json, id };
      setState({ status: 'pending' });
      try {
        const request = await ds.submit({ ...body, clientRequestId: id });
        unanswered.current = null;
        if (request.state === 'APPLIED') {
          setState({ status: 'applied', request });
          return request;
        }
        setState({ status: 'failed', error: rejectionOf(request.error) });
      } catch (error) {
        setState({ status: 'failed', error: describeError(error) });
      }
      return null;
    },
    [ds],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, submit, reset };
}
