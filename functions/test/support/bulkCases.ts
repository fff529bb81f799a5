import { buildNewCase } from '../../src/domain/cases/newCase';
import { demoSourceAccount } from '../../src/demo/sourceAccounts';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { applyAction } from '../../src/domain/lifecycle/engine';
import type { CaseState } from '../../src/domain/model/case';
import { addDays, type Instant } from '../../src/domain/model/time';
import { COL, firestore } from '../../src/data/db';

/**
 * Many DebtX cases written straight into Firestore (batches of up to 500), each driven through the real
 * engine to NEGOTIATION with an RO: fast set-up for monitor tests and benchmarks.
 * `due` of them entered NEGOTIATION 40 days before `now` (their 30-day to-do is due); the rest 5 days before.
 */
export async function writeNegotiationCases(count: number, due: number, now: Instant): Promise<string[]> {
  const ids: string[] = [];
  let batch = firestore().batch();
  let inBatch = 0;
  for (let i = 0; i < count; i++) {
    const account = `00${String(20_000_000 + i)}`;
    const entered = addDays(now, i < due ? -40 : -5);
    const built = buildNewCase(
      debtxTelco,
      demoSourceAccount(account)!,
      'arrears',
      `B${i}`,
      { uid: 'demo-officer', role: 'recovery_officer' },
      entered,
    );
    if ('ok' in built) throw new Error(built.message);
    let c: CaseState = built.case;
    const step = (
      action: string,
      result: string,
      inputs: Record<string, unknown>,
      role: 'system' | 'drc_admin' | 'ro',
    ) => {
      const r = applyAction(
        debtxTelco,
        c,
        { action, result, inputs, requestId: `${c.id}-${action}` },
        { uid: role === 'ro' ? 'demo-ro1' : 'demo-drc1', role, drcId: 'drc1' },
        entered,
      );
      if (!r.ok) throw new Error(r.message);
      c = r.case;
    };
    step('assignDrc', 'assigned', { drcId: 'drc1', reason: 'bulk' }, 'system');
    step('assignRo', 'assigned', { roId: 'demo-ro1' }, 'drc_admin');
    step('recordContact', 'call_back', { channel: 'phone' }, 'ro');
    // Validity far ahead, so only the 30-day negotiation to-do is due.
    c = { ...c, assignment: { ...c.assignment, validUntil: addDays(now, 300) } };
    c = { ...c, nextMonitorAt: i < due ? addDays(entered, 30) : addDays(entered, 30) };
    batch.set(firestore().collection(COL.cases).doc(c.id), { ...c });
    ids.push(c.id);
    if (++inBatch === 500) {
      await batch.commit();
      batch = firestore().batch();
      inBatch = 0;
    }
  }
  if (inBatch > 0) await batch.commit();
  return ids;
}
