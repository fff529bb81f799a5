/**
 * When a signed-in session may no longer act. An ID token lives for an hour and carries the claims it was
 * minted with; the user's profile (`users/{uid}`) is the truth now. A token is refused when the account is
 * disabled or gone, when its role or DRC claim is not the profile's any more (a stale token never acts with an
 * old role or DRC), or when it was signed in before the profile's `sessionsRevokedAt` (docs/security.md).
 */
export interface SessionToken {
  role: string;
  drcId: string | null;
  /** The token's `auth_time`: seconds since the epoch when the user signed in. */
  authTime: number | null;
}

export interface SessionProfile {
  role: string;
  drcId: string | null;
  active: boolean;
  /** ISO instant: sessions signed in before it have ended (set whenever a user is disabled, re-roled or moved). */
  sessionsRevokedAt: string | null;
}

export const SESSION_ENDED = 'Your session has ended; sign in again.';

/** Why the session has ended, or null when it may act. */
export function sessionRefusal(token: SessionToken, profile: SessionProfile | null): string | null {
  if (!profile) return 'no profile';
  if (!profile.active) return 'disabled';
  if (profile.role !== token.role) return 'role changed';
  if ((profile.drcId ?? null) !== (token.drcId ?? null)) return 'DRC changed';
  if (profile.sessionsRevokedAt) {
    const revoked = Date.parse(profile.sessionsRevokedAt);
    // As Firebase compares tokensValidAfterTime: whole seconds, so a sign-in in the revoking second still counts.
    // A token without auth_time cannot prove it came after the revocation.
    if (!Number.isNaN(revoked) && (token.authTime ?? 0) < Math.floor(revoked / 1000)) return 'revoked';
  }
  return null;
}
