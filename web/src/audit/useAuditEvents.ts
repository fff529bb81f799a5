import { useQuery } from '@tanstack/react-query';
import { call } from '../api/call';
import type { AuditEventView } from '../../../functions/src/domain/contracts/types';
import type { ShownError } from '../data/describeError';
import { opKey, shownError } from '../data/queries';

/** Which events are shown: one entity's chain, or (entity null) the newest; `generation` asks again. */
export interface AuditQuery {
  entity: string | null;
  generation: number;
}

/** The events of the query; until they arrive, `loading` (the events of an earlier query are not shown). */
export function useAuditEvents(query: AuditQuery): {
  events: AuditEventView[] | null;
  error: ShownError | null;
  loading: boolean;
} {
  const input = { ...(query.entity ? { entity: query.entity } : {}), format: 'json' as const };
  const { data, error, isPending } = useQuery({
    // Each "show" is a read of its own, even of the same entity: the generation is part of the key.
    queryKey: [...opKey('readAuditTrail', input), query.generation],
    queryFn: async () => {
      const out = await call('readAuditTrail', input);
      return 'events' in out ? out.events : [];
    },
  });
  return { events: data ?? null, error: shownError(error), loading: isPending };
}
