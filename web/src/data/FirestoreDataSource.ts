import { FirebaseError, type FirebaseApp } from 'firebase/app';
import type { Auth } from 'firebase/auth';
import {
  clearIndexedDbPersistence,
  collection,
  connectFirestoreEmulator,
  doc,
  initializeFirestore,
  limit,
  onSnapshot,
  orderBy,
  persistentLocalCache,
  persistentMultipleTabManager,
  query,
  setDoc,
  terminate,
  where,
  type DocumentData,
  type Firestore,
  type QueryConstraint,
} from 'firebase/firestore';
import type { Me, RequestView, SubmitRequestInput } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import type { WebConfig } from '../config';
import {
  RequestTimeoutError,
  SUBMIT_TIMEOUT_MS,
  type DataSource,
  type LiveTopic,
  type OnError,
  type Unsubscribe,
} from './DataSource';

/** Enough recent cases that any change in the caller's scope shows up in the listener. */
const LISTEN_LIMIT = 50;
/** More unread entries than a bell shows ("99+"): any change among them refreshes it. */
const INBOX_LISTEN_LIMIT = 100;

/** The Firestore filter of the cases a role may see (mirrors functions/src/domain/policy/caseScope.ts). */
function scopeFilter(me: Me): QueryConstraint[] {
  switch (me.role) {
    case 'ro':
      // Both, as firestore.rules require: an RO's cases are those assigned to them in their DRC.
      return [where('roId', '==', me.uid), where('drcId', '==', me.drcId)];
    case 'drc_admin':
      return [where('drcId', '==', me.drcId)];
    case 'rcmp':
      return [where('requiredAction', 'in', ['cpe', 'arrears_cpe'])];
    case 'mediation_board':
      return [where('status', 'in', ['MEDIATION_BOARD', 'LEGAL'])];
    default:
      return [];
  }
}

function toRequestView(id: string, d: DocumentData): RequestView {
  return {
    id,
    type: d.type,
    state: d.state,
    caseId: d.caseId ?? null,
    error: d.error ?? null,
    createdAt: d.createdAt,
    appliedAt: d.appliedAt ?? null,
  };
}

/**
 * The full stack's data source: reads go through the same callables as everywhere (api/call.ts), but Firestore
 * listeners say when to read again, and requests are written as documents directly (firestore.rules allow them).
 */
export class FirestoreDataSource implements DataSource {
  readonly stack = 'full' as const;
  private me: { uid: string; promise: Promise<Me> } | null = null;

  constructor(
    private readonly db: Firestore,
    private readonly auth: Auth,
  ) {}

  whoAmI(): Promise<Me> {
    const uid = this.auth.currentUser?.uid ?? '';
    if (this.me?.uid !== uid) this.me = { uid, promise: call('whoAmI', {}) };
    return this.me.promise;
  }

  listen(topic: LiveTopic, onChange: () => void, onError: OnError): Unsubscribe {
    // The first snapshot is the state the query has just loaded: only what follows is a change.
    let first = true;
    const changed = () => {
      if (first) first = false;
      else onChange();
    };
    switch (topic.kind) {
      case 'case':
        return onSnapshot(doc(this.db, 'cases', topic.caseId), changed, onError);
      case 'inbox': {
        const uid = this.auth.currentUser?.uid;
        if (!uid) return () => {};
        // The caller's unread entries change when one arrives and when one is marked read: exactly when the bell
        // and the list must refresh (firestore.rules let an owner read their own entries).
        const q = query(
          collection(this.db, 'inbox'),
          where('uid', '==', uid),
          where('unread', '==', true),
          orderBy('createdAt', 'desc'),
          limit(INBOX_LISTEN_LIMIT),
        );
        return onSnapshot(q, changed, onError);
      }
      case 'cases': {
        let stopListening: Unsubscribe | null = null;
        let stopped = false;
        this.whoAmI().then((me) => {
          if (stopped) return;
          const q = query(
            collection(this.db, 'cases'),
            ...scopeFilter(me),
            orderBy('updatedAt', 'desc'),
            limit(LISTEN_LIMIT),
          );
          stopListening = onSnapshot(q, changed, onError);
        }, onError);
        return () => {
          stopped = true;
          stopListening?.();
        };
      }
    }
  }

  async submit(input: SubmitRequestInput): Promise<RequestView> {
    const uid = this.auth.currentUser?.uid;
    if (!uid) throw new FirebaseError('unauthenticated', 'Not signed in');
    const ref = doc(this.db, 'requests', input.clientRequestId);
    let finished = false;
    let stopListening: Unsubscribe = () => {};
    const settled = (async () => {
      await setDoc(ref, {
        type: input.type,
        caseId: input.caseId ?? null,
        payload: input.payload,
        clientRequestId: input.clientRequestId,
        createdBy: uid,
        createdAt: new Date().toISOString(),
        state: 'PENDING',
      });
      return new Promise<RequestView>((resolve, reject) => {
        if (finished) return;
        stopListening = onSnapshot(
          ref,
          (snap) => {
            const data = snap.data();
            if (data && data.state !== 'PENDING') resolve(toRequestView(snap.id, data));
          },
          reject,
        );
      });
    })();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimeoutError(ref.id)), SUBMIT_TIMEOUT_MS);
    });
    try {
      return await Promise.race([settled, timeout]);
    } finally {
      finished = true;
      clearTimeout(timer);
      stopListening();
    }
  }

  /**
   * The documented way to empty the persistent cache: terminate the instance, then clear. Another open tab of
   * the app holds the cache too and makes the clear fail; that tab sees the same sign-out and clears it when it
   * terminates in turn.
   */
  async clearDeviceCache(): Promise<void> {
    await terminate(this.db);
    try {
      await clearIndexedDbPersistence(this.db);
    } catch (error) {
      if (!(error instanceof FirebaseError && error.code === 'failed-precondition')) throw error;
    }
  }
}

export function createFirestoreDataSource(app: FirebaseApp, auth: Auth, config: WebConfig): FirestoreDataSource {
  // Firestore keeps what the listeners and the request documents touch in IndexedDB, shared by the app's tabs, so
  // they start from it and a request written offline waits there (docs/decisions/0045); emptied on sign-out.
  const db = initializeFirestore(app, {
    localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }),
  });
  if (config.emulators) connectFirestoreEmulator(db, config.emulators.firestore.host, config.emulators.firestore.port);
  return new FirestoreDataSource(db, auth);
}
