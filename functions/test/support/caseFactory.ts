import { buildNewCase } from '../../src/domain/cases/newCase';
import { demoSourceAccount } from '../../src/demo/sourceAccounts';
import type { CaseTypeConfig } from '../../src/domain/lifecycle/types';
import type { CaseState } from '../../src/domain/model/case';

/** A plausible case of any configuration, placed and assigned, sitting in the given status. */
export function demoCaseInStatus(
  config: CaseTypeConfig,
  status: string,
  overrides: Partial<CaseState> = {},
  requiredAction: 'arrears' | 'cpe' | 'arrears_cpe' = 'arrears_cpe',
): CaseState {
  const built = buildNewCase(
    {
      ...config,
      creationFields: [],
      statuses: config.statuses.map((s) => ({ ...s, hooks: undefined })),
      transitions: [],
    },
    demoSourceAccount('0041234567')!,
    requiredAction,
    'C-TEST',
    { uid: 'u-officer', role: 'recovery_officer' },
    '2026-10-01T00:00:00.000Z',
  );
  if ('ok' in built) throw new Error(built.message);
  return {
    ...built.case,
    caseType: config.id,
    configVersion: config.version,
    status,
    drcId: 'drc1',
    roId: 'tester',
    assignment: {
      ...built.case.assignment,
      drcAssignedAt: '2026-10-01T00:00:00.000Z',
      validUntil: '2026-12-30T00:00:00.000Z',
    },
    ...overrides,
  };
}
