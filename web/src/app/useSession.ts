import { onAuthStateChanged, type User } from 'firebase/auth';
import { useEffect, useState } from 'react';
import type { Me } from '../../../functions/src/domain/contracts/types';
import type { DataSource } from '../data/DataSource';
import { describeError, type ShownError } from '../data/describeError';
import { getDataSource } from '../data/getDataSource';
import { queryClient } from '../data/queries';
import { auth } from '../firebase';

export type Session =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'signedIn'; me: Me; ds: DataSource }
  /** Signed in to Auth, but DebtX does not accept the account (no role) or cannot be reached. */
  | { state: 'refused'; user: User; error: ShownError };

/** Follows Firebase Auth, and asks the functions who the signed-in user is to DebtX. */
export function useSession(): Session {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  useEffect(() => {
    let current = 0;
    return onAuthStateChanged(auth, (user) => {
      const attempt = ++current;
      // What one user read must never show to the next one signed in on this tab.
      queryClient.clear();
      if (!user) {
        setSession({ state: 'signedOut' });
        return;
      }
      setSession({ state: 'loading' });
      getDataSource()
        .then(async (ds) => ({ ds, me: await ds.whoAmI() }))
        .then(
          ({ ds, me }) => attempt === current && setSession({ state: 'signedIn', me, ds }),
          (error: unknown) =>
            attempt === current && setSession({ state: 'refused', user, error: describeError(error) }),
        );
    });
  }, []);
  return session;
}
