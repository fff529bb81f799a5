import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseState } from '../../src/domain/model/case';
import { storedNewCase } from '../../src/domain/model/storedCase';
import { COL, firestore } from '../../src/data/db';
import { operationNamed } from '../../src/operations';
import { callOperation } from '../../src/api/callables';
import { asUser } from './fixtures';
import { demoCaseInStatus } from './caseFactory';

/** A DebtX case written straight into Firestore, in a status and scope, with its own customer. */
export function apiCase(id: string, status: string, overrides: Partial<CaseState> = {}): CaseState {
  const base = demoCaseInStatus(debtxTelco, status, {}, overrides.requiredAction ?? 'arrears_cpe');
  return {
    ...base,
    id,
    customerKey: `cust-${id}`,
    openKey: `open-${id}`,
    drcId: 'drc1',
    roId: 'demo-ro1',
    updatedAt: '2026-11-01T00:00:00.000Z',
    rev: 3,
    ...overrides,
  };
}

export async function putCases(cases: CaseState[]): Promise<void> {
  const batch = firestore().batch();
  // As writeCaseWithAudit stores a new case: with its derived fields (the phase flags the counts sum).
  for (const c of cases) batch.set(firestore().collection(COL.cases).doc(c.id), storedNewCase(c));
  await batch.commit();
}

/** Calls a mobile API operation as a demo user (key as in DEMO_USERS without `demo-`), or anonymously (null). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: each test asserts the shape it reads
export type Out = any;

export function call(name: string, user: string | null, data: unknown = {}): Promise<Out> {
  const op = operationNamed(name);
  if (!op) throw new Error(`no operation ${name}`);
  const request = user ? asUser(user, data) : { auth: undefined, data };
  return callOperation(op, request);
}
