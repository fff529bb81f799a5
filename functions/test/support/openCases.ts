import { buildNewCase } from '../../src/domain/cases/newCase';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseTypeConfig } from '../../src/domain/lifecycle/types';
import type { CaseState, RequiredAction } from '../../src/domain/model/case';
import { demoSourceAccount } from '../../src/demo/sourceAccounts';
import { runTx } from '../../src/data/ops';
import { writeCaseWithAudit } from '../../src/services/caseAudit';

let serial = 0;

/** Registers a case (an OPEN DebtX case by default) directly (as registration would, audited), without placing it. */
export async function openCase(
  overrides: Partial<CaseState> = {},
  requiredAction: RequiredAction = 'arrears',
  config: CaseTypeConfig = debtxTelco,
): Promise<CaseState> {
  let built: ReturnType<typeof buildNewCase> | null = null;
  // Some demo accounts are closed or owe nothing; the next number is tried then.
  for (let attempt = 0; attempt < 50; attempt++) {
    serial += 1;
    const account = `00${String(70_000_000 + serial * 7919 + attempt).padStart(8, '0')}`;
    const source = demoSourceAccount(account);
    if (!source) continue;
    const id = `T${Date.now().toString(36)}${serial}`.toUpperCase();
    const now = new Date().toISOString();
    built = buildNewCase(config, source, requiredAction, id, { uid: 'demo-officer', role: 'recovery_officer' }, now);
    if (!('ok' in built)) break;
  }
  if (!built || 'ok' in built) throw new Error('no demo account could be registered');
  const c: CaseState = {
    ...built.case,
    ...overrides,
    customer: { ...built.case.customer, ...(overrides.customer ?? {}) },
  };
  await runTx(async (tx) => {
    writeCaseWithAudit(tx, null, c, {
      actor: { uid: 'demo-officer', role: 'recovery_officer' },
      action: 'registerCase',
      summary: 'Registered (test)',
      requestId: null,
      details: {},
      transitions: [],
    });
  });
  return c;
}
