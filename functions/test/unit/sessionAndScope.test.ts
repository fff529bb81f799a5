import { canSeeCase, caseListScope, REQUEST_ROLES } from '../../src/domain/policy/caseScope';
import { sessionRefusal, type SessionProfile } from '../../src/domain/policy/session';
import type { Actor } from '../../src/domain/model/roles';

/** The pure rules behind "a user sees and changes only what their role and scope allow now". */
const ro = (drcId: string | null): Actor => ({ uid: 'u-ro', role: 'ro', drcId });
const kase = { roId: 'u-ro', drcId: 'drc1', requiredAction: 'arrears' as const, status: 'NEGOTIATION' };

describe('an RO’s scope requires the case’s DRC to be the RO’s DRC too', () => {
  it('sees their case in their DRC, not one of another DRC still naming them, nothing without a DRC', () => {
    expect(canSeeCase(ro('drc1'), kase)).toBe(true);
    expect(canSeeCase(ro('drc2'), kase)).toBe(false);
    expect(canSeeCase(ro(null), kase)).toBe(false);
    expect(canSeeCase(ro(null), { ...kase, drcId: null })).toBe(false);
  });

  it('lists by both roId and drcId, and lists nothing without a DRC', () => {
    expect(caseListScope(ro('drc2'))).toEqual({ field: 'roId', value: 'u-ro', drcId: 'drc2' });
    expect(caseListScope(ro(null))).toBe('none');
  });

  it('auditors and administrators submit no requests of any type', () => {
    for (const roles of Object.values(REQUEST_ROLES)) {
      expect(roles).not.toContain('auditor');
      expect(roles).not.toContain('admin');
    }
  });
});

describe('a session ends when its user is disabled, re-roled, moved or revoked', () => {
  const profile: SessionProfile = { role: 'ro', drcId: 'drc1', active: true, sessionsRevokedAt: null };
  const token = { role: 'ro', drcId: 'drc1', authTime: Date.parse('2026-12-04T10:00:00Z') / 1000 };

  it('accepts a token that matches a current profile', () => {
    expect(sessionRefusal(token, profile)).toBeNull();
  });

  it('refuses a missing or disabled profile, another role or DRC', () => {
    expect(sessionRefusal(token, null)).toBe('no profile');
    expect(sessionRefusal(token, { ...profile, active: false })).toBe('disabled');
    expect(sessionRefusal(token, { ...profile, role: 'rcmp', drcId: null })).toBe('role changed');
    expect(sessionRefusal(token, { ...profile, drcId: 'drc2' })).toBe('DRC changed');
  });

  it('refuses a token signed in before the revocation, in whole seconds as Firebase does', () => {
    const revoked = (iso: string) => sessionRefusal(token, { ...profile, sessionsRevokedAt: iso });
    expect(revoked('2026-12-04T10:00:01.000Z')).toBe('revoked');
    expect(revoked('2026-12-04T10:00:00.900Z')).toBeNull();
    expect(revoked('2026-12-04T09:59:59.000Z')).toBeNull();
    expect(
      sessionRefusal({ ...token, authTime: null }, { ...profile, sessionsRevokedAt: '2026-01-01T00:00:00Z' }),
    ).toBe('revoked');
  });
});
