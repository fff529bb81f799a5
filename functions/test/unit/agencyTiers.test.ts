import { agencyPlacementAction, nextTier, placedAgencies } from '../../src/domain/assignment/agencyTiers';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { externalRecovery } from '../../src/domain/lifecycle/configs/externalRecovery';

describe('external-recovery agency tiers', () => {
  it('goes primary → secondary → tertiary, then nowhere', () => {
    expect(nextTier(null)).toBe('primary');
    expect(nextTier('primary')).toBe('secondary');
    expect(nextTier('secondary')).toBe('tertiary');
    expect(nextTier('tertiary')).toBeNull();
    expect(nextTier('bogus')).toBe('primary');
  });

  it('remembers the agencies a case was with', () => {
    expect(placedAgencies(undefined)).toEqual([]);
    expect(placedAgencies('a,b')).toEqual(['a', 'b']);
  });

  it('finds the configured "assign agency" action in Review and Supervisor Review, for officers only', () => {
    expect(agencyPlacementAction(externalRecovery, 'REVIEW', 'recovery_officer')).toMatchObject({
      action: { code: 'reviewCase' },
      result: { code: 'assign_agency' },
    });
    expect(agencyPlacementAction(externalRecovery, 'SUPERVISOR_REVIEW', 'supervisor')).toMatchObject({
      action: { code: 'assignAgency' },
    });
    expect(agencyPlacementAction(externalRecovery, 'AGENCY_PRIMARY', 'supervisor')).toBeNull();
    expect(agencyPlacementAction(externalRecovery, 'REVIEW', 'drc_admin')).toBeNull();
    expect(agencyPlacementAction(debtxTelco, 'OPEN', 'recovery_officer')).toBeNull();
  });
});
