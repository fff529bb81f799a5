import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ListUsersOutput, UserView } from '../../../functions/src/domain/contracts/types';
import { opKey, shownError, useCall } from '../data/queries';

function byEmail(a: UserView, b: UserView): number {
  return a.email.localeCompare(b.email);
}

const KEY = opKey('listUsers', {});

/**
 * The users the caller manages, fetched once; `refresh` fetches again and keeps showing the old list
 * meanwhile, and `put` shows a user as a change just saved them, without waiting for the list.
 */
export function useUsers() {
  const qc = useQueryClient();
  const { data, error } = useCall('listUsers', {}, { select: (out) => [...out.users].sort(byEmail) });
  const refresh = useCallback(() => void qc.invalidateQueries({ queryKey: KEY }), [qc]);
  const put = useCallback(
    (user: UserView) =>
      qc.setQueryData<ListUsersOutput>(KEY, (out) => ({
        users: [...(out?.users ?? []).filter((u) => u.uid !== user.uid), user],
      })),
    [qc],
  );
  return { users: data ?? null, error: shownError(error), refresh, put };
}
