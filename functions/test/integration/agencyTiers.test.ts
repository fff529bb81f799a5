import { randomUUID } from 'node:crypto';
import { DEFAULT_STORED_RULES } from '../../src/domain/assignment/policyConfig';
import { externalRecovery } from '../../src/domain/lifecycle/configs/externalRecovery';
import type { CaseState } from '../../src/domain/model/case';
import { COL, firestore } from '../../src/data/db';
import { asUser, seedOrganisation } from '../support/fixtures';
import { openCase } from '../support/openCases';
import { handlerOf } from '../support/operationCall';

const placeWithAgencyHandler = handlerOf('placeWithAgency');
const recallCasesHandler = handlerOf('recallCases');
const saveAssignmentPolicyHandler = handlerOf('saveAssignmentPolicy');
const getAssignmentPolicyHandler = handlerOf('getAssignmentPolicy');

/** External recovery (docs/domain.md): primary → secondary → tertiary agencies, recall, re-placement. */
const db = firestore();
const agency = (id: string, tier: string) => ({
  id,
  name: `Agency ${id}`,
  active: true,
  actions: ['arrears', 'cpe', 'arrears_cpe'],
  caseTypes: ['external_recovery'],
  regions: [],
  capacity: 50,
  minArrearsCents: 0,
  maxArrearsCents: null,
  agencyTier: tier,
});

beforeAll(async () => {
  await seedOrganisation();
  const { version } = await getAssignmentPolicyHandler(asUser('admin'));
  await saveAssignmentPolicyHandler(
    asUser('admin', {
      rules: DEFAULT_STORED_RULES,
      drcs: [agency('drc1', 'primary'), agency('drc2', 'secondary'), agency('drc3', 'secondary')],
      expectedVersion: version,
    }),
  );
});

const caseOf = async (id: string) => (await db.collection(COL.cases).doc(id).get()).data() as CaseState;
const place = (caseIds: string[], tier: string) =>
  placeWithAgencyHandler(asUser('officer', { operationId: randomUUID(), caseIds, tier, reason: 'Tier placement' }));

describe('external recovery agency tiers', () => {
  it('places with the next tier by the policy, recalls through the life cycle, and re-places one tier on', async () => {
    const c = await openCase({}, 'arrears', externalRecovery);
    expect(c.status).toBe('REVIEW');
    const first = await place([c.id], 'next');
    expect(first.results[0]).toMatchObject({ ok: true, code: 'placed', drcId: 'drc1' });
    expect(await caseOf(c.id)).toMatchObject({
      status: 'AGENCY_PRIMARY',
      drcId: 'drc1',
      characteristics: expect.objectContaining({ agencyTier: 'primary', placedAgencies: 'drc1' }),
    });

    const recall = await recallCasesHandler(
      asUser('officer', { operationId: randomUUID(), caseIds: [c.id], reason: 'Too little recovered' }),
    );
    expect(recall.results[0]).toMatchObject({ ok: true, code: 'recall-started' });
    expect((await caseOf(c.id)).status).toBe('RECALL_IN_PROGRESS');

    // The agency acknowledges (a DRC admin request, not this module): Supervisor Review, taken back from the agency.
    await db.collection(COL.cases).doc(c.id).update({ status: 'SUPERVISOR_REVIEW', drcId: null, roId: null });
    const second = await place([c.id], 'next');
    expect(second.results[0]).toMatchObject({ ok: true, drcId: 'drc2' });
    expect(await caseOf(c.id)).toMatchObject({
      status: 'AGENCY_SECONDARY',
      characteristics: expect.objectContaining({ agencyTier: 'secondary', placedAgencies: 'drc1,drc2' }),
    });

    // Same tier again ("other agencies of the same stage"): never the agency it was with before.
    await db.collection(COL.cases).doc(c.id).update({ status: 'SUPERVISOR_REVIEW', drcId: null });
    const again = await place([c.id], 'secondary');
    expect(again.results[0]).toMatchObject({ ok: true, drcId: 'drc3' });

    await db.collection(COL.cases).doc(c.id).update({ status: 'SUPERVISOR_REVIEW', drcId: null });
    const none = await place([c.id], 'tertiary');
    expect(none.results[0]).toMatchObject({ ok: false, code: 'no-agency' });
    expect(none.results[0]!.message).toBe(
      'No eligible DRC (drc1: excluded (the case was with it before); drc2: excluded (the case was with it before); drc3: excluded (the case was with it before)).',
    );
  });

  it('refuses a case that is with an agency already, or a DebtX case, per case', async () => {
    const ext = await openCase({}, 'arrears', externalRecovery);
    await place([ext.id], 'primary');
    const telco = await openCase();
    const out = await place([ext.id, telco.id], 'next');
    expect(out.results.map((r) => [r.ok, r.code])).toEqual([
      [false, 'wrong-status'],
      [false, 'wrong-status'],
    ]);
    await expect(
      placeWithAgencyHandler(
        asUser('drc1', { operationId: randomUUID(), caseIds: [ext.id], tier: 'next', reason: 'Mine' }),
      ),
    ).rejects.toMatchObject({ code: 'permission-denied' });
  });
});
