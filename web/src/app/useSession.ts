import { onAuthStateChanged, type User } from 'firebase/auth';
import { useEffect, useState } from 'react';
import type { Me } from '../../../functions/src/domain/contracts/types';
import type { DataSource } from '../data/DataSource';
import { describeError, type ShownError } from '../data/describeError';
import { forgetDeviceCache, getDataSource } from '../data/getDataSource';
import { queryClient } from '../data/queries';
import { auth } from '../firebase';
import { clearCopies, keepCopies, readCopy } from '../offline/deviceCopies';
import { isNetworkFailure } from '../offline/offlineDataSource';

/**
 * Who the user is to DebtX: the server's answer, or, without a connection, what it said when their copies were
 * last saved on this device (an RO reopening the app offline).
 */
async function whoAmI(ds: DataSource, uid: string): Promise<Me> {
  try {
    return await ds.whoAmI();
  } catch (error) {
    const copy = isNetworkFailure(error) ? await readCopy(uid) : null;
    if (copy) return copy.me;
    throw error;
  }
}

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
    let stopKeeping = () => {};
    const stop = onAuthStateChanged(auth, (user) => {
      const attempt = ++current;
      stopKeeping();
      stopKeeping = () => {};
      // What one user read must never show to the next one signed in on this tab.
      queryClient.clear();
      if (!user) {
        setSession({ state: 'signedOut' });
        // Signed out: nothing of theirs stays on the device (docs/decisions/0045).
        void Promise.all([clearCopies(), forgetDeviceCache()]);
        return;
      }
      setSession({ state: 'loading' });
      getDataSource()
        .then(async (ds) => {
          const me = await whoAmI(ds, user.uid);
          // An RO's stored reads are back in the cache before the first screen renders; another user's are gone.
          const stopThis = await keepCopies(queryClient, me);
          if (attempt === current) stopKeeping = stopThis;
          else stopThis();
          return { ds, me };
        })
        .then(
          ({ ds, me }) => attempt === current && setSession({ state: 'signedIn', me, ds }),
          (error: unknown) =>
            attempt === current && setSession({ state: 'refused', user, error: describeError(error) }),
        );
    });
    return () => {
      stop();
      stopKeeping();
    };
  }, []);
  return session;
}
