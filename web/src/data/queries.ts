import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { call, type ApiInput, type ApiName, type ApiOutput } from '../api/call';
import type { DataSource, LiveTopic } from './DataSource';
import { useDataSource } from './DataSourceContext';
import { describeError, type ShownError } from './describeError';

/** Lists and one case, on the offline stack (no listeners there). */
export const POLL_MS = 2_000;
/** Figures cost a dozen aggregation queries a call, the inbox a query and a count: polled less often. */
export const FIGURES_POLL_MS = 5_000;

/**
 * One client for the page. No retries (a refusal is an answer, shown at once, as before), and no refetch on focus
 * or reconnect except for live queries: a settings page must never overwrite what the user is typing.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});

/** Every query is keyed by operation and input, so a mutation invalidates an operation's every input at once. */
export const opKey = <N extends ApiName>(name: N, input: ApiInput<N>) => [name, input] as const;

/** Reads (and refetches) every live query now: after this tab applied a request on the offline stack. */
export function invalidateLive(): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.meta?.live === true });
}

export const shownError = (error: unknown): ShownError | null => (error ? describeError(error) : null);

type CallQueryOptions<N extends ApiName, T = ApiOutput<N>> = Omit<
  UseQueryOptions<ApiOutput<N>, Error, T, readonly [N, ApiInput<N>]>,
  'queryKey' | 'queryFn'
>;

/** An operation's answer, loaded once (and again when invalidated). */
export function useCall<N extends ApiName, T = ApiOutput<N>>(
  name: N,
  input: ApiInput<N>,
  options: CallQueryOptions<N, T> = {},
) {
  return useQuery({ queryKey: opKey(name, input), queryFn: () => call(name, input), ...options });
}

/** The options that keep a query live on `ds`'s stack: polling offline; on the full stack `useLiveTopic` refetches. */
export function liveOptions(ds: DataSource, pollMs: number) {
  return {
    meta: { live: true },
    refetchInterval: ds.stack === 'offline' ? pollMs : false,
    // A tab shown again (or back online) shows what changed meanwhile at once.
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
  } as const;
}

/**
 * While mounted, refetches the queries under `keys` whenever the topic changes (a Firestore listener on the
 * full stack; nothing on the offline stack, where live queries poll).
 */
export function useLiveTopic(topic: LiveTopic, keys: readonly QueryKey[]): ShownError | null {
  const ds = useDataSource();
  const qc = useQueryClient();
  // A listener refused (rules) or broken: shown like a failed read.
  const [failure, setFailure] = useState<ShownError | null>(null);
  const topicKey = JSON.stringify(topic);
  const keysKey = JSON.stringify(keys);
  useEffect(() => {
    const stop = ds.listen(
      JSON.parse(topicKey) as LiveTopic,
      () => {
        for (const queryKey of JSON.parse(keysKey) as QueryKey[]) void qc.invalidateQueries({ queryKey });
      },
      (error) => setFailure(describeError(error)),
    );
    return stop ?? undefined;
  }, [ds, qc, topicKey, keysKey]);
  return failure;
}

/** An operation's answer kept live while mounted: see liveOptions and useLiveTopic. */
export function useLiveCall<N extends ApiName>(
  name: N,
  input: ApiInput<N>,
  topic: LiveTopic,
  pollMs = POLL_MS,
  options: CallQueryOptions<N> = {},
) {
  const ds = useDataSource();
  const listenFailure = useLiveTopic(topic, [opKey(name, input)]);
  const query = useCall(name, input, { ...liveOptions(ds, pollMs), ...options });
  return { ...query, shown: shownError(query.error) ?? listenFailure };
}

/** Calls an operation; on success, every query of the operations in `invalidates` is read again. */
export function useCallMutation<N extends ApiName>(name: N, invalidates: readonly ApiName[] = []) {
  const qc = useQueryClient();
  return useMutation<ApiOutput<N>, Error, ApiInput<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: () => Promise.all(invalidates.map((op) => qc.invalidateQueries({ queryKey: [op] }))),
  });
}

/**
 * For a form that edits what an operation answers: each new answer (once on opening, unless the server's copy
 * changes) is handed to `onLoaded` to fill the form; nothing refetches behind the user's back while they type,
 * and every visit reads afresh (no cache kept once the page is closed).
 */
export function useFormSource<N extends ApiName>(
  name: N,
  input: ApiInput<N>,
  onLoaded: (data: ApiOutput<N>) => void,
): ShownError | null {
  const { data, error } = useCall(name, input, { gcTime: 0 });
  const latest = useRef(onLoaded);
  latest.current = onLoaded;
  useEffect(() => {
    if (data !== undefined) latest.current(data);
  }, [data]);
  return shownError(error);
}
