import { useEffect, useState } from 'react';
import type { AuditEventView } from '../../../functions/src/domain/contracts/types';
import { useDataSource } from '../data/DataSourceContext';
import { describeError, type ShownError } from '../data/describeError';

/** Which events are shown: one entity's chain, or (entity null) the newest; `generation` asks again. */
export interface AuditQuery {
  entity: string | null;
  generation: number;
}

interface Loaded {
  key: string;
  events: AuditEventView[] | null;
  error: ShownError | null;
}

const keyOf = (q: AuditQuery) => `${q.generation}:${q.entity ?? ''}`;

/** The events of the query; until they arrive, `loading` (the events of an earlier query are not shown). */
export function useAuditEvents(query: AuditQuery): {
  events: AuditEventView[] | null;
  error: ShownError | null;
  loading: boolean;
} {
  const ds = useDataSource();
  const [loaded, setLoaded] = useState<Loaded>({ key: '', events: null, error: null });
  const key = keyOf(query);
  const { entity } = query;

  useEffect(() => {
    let cancelled = false;
    ds.readAuditTrail(entity ? { entity } : {}).then(
      (out) => {
        if (!cancelled) setLoaded({ key, events: out.events, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ key, events: null, error: describeError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ds, entity, key]);

  return loaded.key === key
    ? { events: loaded.events, error: loaded.error, loading: false }
    : { events: null, error: null, loading: true };
}
