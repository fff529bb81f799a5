import { COL, firestore } from '../../src/data/db';
import { auditDocId } from '../../src/data/audit';
import { opCount, resetOpCount, runTx } from '../../src/data/ops';
import type { CaseState } from '../../src/domain/model/case';
import { SYSTEM_ACTOR } from '../../src/domain/model/roles';
import { writeCaseWithAudit } from '../../src/services/caseAudit';
import { monitorSeenCase, preconditionsHonoured, runDueMonitors } from '../../src/services/monitorCases';
import { writeNegotiationCases } from '../support/bulkCases';
import { seedOrganisation } from '../support/fixtures';

const NOW = '2026-11-23T06:00:00.000Z';

beforeAll(async () => {
  await seedOrganisation();
  await writeNegotiationCases(30, 10, NOW);
});

const dueQuery = () => firestore().collection(COL.cases).where('nextMonitorAt', '<=', NOW).orderBy('nextMonitorAt');

/** An audited change made by someone else, as every request's transaction makes one. */
async function changeElsewhere(caseId: string): Promise<void> {
  await runTx(async (tx) => {
    const snap = await tx.get(firestore().collection(COL.cases).doc(caseId));
    const before = snap.data() as CaseState;
    writeCaseWithAudit(
      tx,
      before,
      { ...before, placementAttempts: 7, updatedAt: '2026-11-23T05:59:00.000Z' },
      { actor: SYSTEM_ACTOR, action: 'note', summary: 'a change', requestId: null, details: {}, transitions: [] },
    );
  });
}

describe('the monitor reads each due case once', () => {
  it('a monitor run reads each due case once: the due query returns it, no transaction reads it again', async () => {
    expect((await dueQuery().get()).size).toBe(10);
    resetOpCount();
    const stats = await runDueMonitors(NOW);
    expect(stats).toEqual({ due: 10, changed: 10, unchanged: 0, failed: 0 });
    // The page query's 10 reads, the empty closing query, the case type's configuration once (then cached).
    expect(opCount.reads).toBeLessThanOrEqual(10 + 2);
    expect(opCount.writes).toBe(10 * 2);
  });

  it('a case changed after the due query read it is not overwritten: its batch is refused and the transaction runs on the case as it is now', async () => {
    const at = '2027-06-01T00:00:00.000Z';
    const seen = (await firestore().collection(COL.cases).where('nextMonitorAt', '<=', at).limit(1).get()).docs[0]!;
    const before = seen.data() as CaseState;
    await changeElsewhere(seen.id);
    const outcome = await monitorSeenCase(seen, at);
    expect(outcome).toBe('changed');
    const after = (await firestore().collection(COL.cases).doc(seen.id).get()).data() as CaseState;
    // Both changes are kept: the one made elsewhere and the monitor's, each with its own audit event.
    expect(after.placementAttempts).toBe(7);
    expect(after.audit.seq).toBe(before.audit.seq + 2);
    const events = await firestore()
      .collection(COL.audit)
      .doc(auditDocId(`cases/${seen.id}`, before.audit.seq + 2))
      .get();
    expect(events.get('action')).toBe('monitor');
    expect(after.nextMonitorAt! > at).toBe(true);
  });

  it('a second look at a case already done from the same snapshot changes nothing (its audit event exists)', async () => {
    const at = '2027-09-01T00:00:00.000Z';
    const seen = (await firestore().collection(COL.cases).where('nextMonitorAt', '<=', at).limit(1).get()).docs[0]!;
    const before = seen.data() as CaseState;
    expect(await monitorSeenCase(seen, at)).toBe('changed');
    resetOpCount();
    expect(await monitorSeenCase(seen, at)).toBe('not-due');
    expect(opCount.writes).toBe(0);
    const after = (await firestore().collection(COL.cases).doc(seen.id).get()).data() as CaseState;
    expect(after.audit.seq).toBe(before.audit.seq + 1);
  });

  it('trusts update preconditions on production and the official emulator only', () => {
    expect(preconditionsHonoured({})).toBe(true);
    expect(preconditionsHonoured({ FIRESTORE_EMULATOR_HOST: 'x:1', DEBTX_FIRESTORE_KIND: 'official' })).toBe(true);
    expect(preconditionsHonoured({ FIRESTORE_EMULATOR_HOST: 'x:1', DEBTX_FIRESTORE_KIND: 'offline' })).toBe(false);
    expect(preconditionsHonoured({ FIRESTORE_EMULATOR_HOST: 'x:1' })).toBe(false);
  });
});
