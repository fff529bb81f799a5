import { COL, firestore } from './db';
import { readDoc } from './ops';
import type { SessionProfile } from '../domain/policy/session';

/**
 * The session-relevant part of each caller's profile, cached per function instance for SESSION_CACHE_MS so a
 * burst of calls costs one read, not one per call. The bound is the longest a revocation made on another
 * instance can go unseen here (docs/security.md); updateUser forgets the entry on its own instance at once.
 */
export const SESSION_CACHE_MS = 5_000;
/** Enough for every user a busy instance serves; beyond it the cache starts again rather than grow. */
const MAX_ENTRIES = 5_000;

const cache = new Map<string, { at: number; profile: SessionProfile | null }>();

export async function sessionProfile(uid: string, now: number = Date.now()): Promise<SessionProfile | null> {
  const hit = cache.get(uid);
  if (hit && now - hit.at < SESSION_CACHE_MS) return hit.profile;
  const snap = await readDoc(firestore().collection(COL.users).doc(uid));
  const profile: SessionProfile | null = snap.exists
    ? {
        role: String(snap.get('role') ?? ''),
        drcId: (snap.get('drcId') as string | null | undefined) ?? null,
        active: snap.get('active') === true,
        sessionsRevokedAt: (snap.get('sessionsRevokedAt') as string | null | undefined) ?? null,
      }
    : null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(uid, { at: now, profile });
  return profile;
}

/** Drops a user's cached profile (after changing it), or every entry (tests). */
export function forgetSession(uid?: string): void {
  if (uid === undefined) cache.clear();
  else cache.delete(uid);
}
