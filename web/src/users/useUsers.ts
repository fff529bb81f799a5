import { useCallback, useEffect, useState } from 'react';
import type { UserView } from '../../../functions/src/domain/contracts/types';
import { useDataSource } from '../data/DataSourceContext';
import { describeError, type ShownError } from '../data/describeError';

interface UsersState {
  /** null until the first answer. */
  users: UserView[] | null;
  error: ShownError | null;
}

function byEmail(a: UserView, b: UserView): number {
  return a.email.localeCompare(b.email);
}

/**
 * The users the caller manages, fetched once; `refresh` fetches again and keeps showing the old list
 * meanwhile, and `put` shows a user as a change just saved them, without waiting for the list.
 */
export function useUsers() {
  const ds = useDataSource();
  const [state, setState] = useState<UsersState>({ users: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    ds.listUsers().then(
      (out) => {
        if (!cancelled) setState({ users: [...out.users].sort(byEmail), error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ users: s.users, error: describeError(error) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ds, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const put = useCallback(
    (user: UserView) =>
      setState((s) => ({
        ...s,
        users: [...(s.users ?? []).filter((u) => u.uid !== user.uid), user].sort(byEmail),
      })),
    [],
  );
  return { ...state, refresh, put };
}
