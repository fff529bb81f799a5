import { randomUUID } from 'node:crypto';
import { clearCaseTypeCache } from '../../src/data/caseTypes';
import { COL, firestore } from '../../src/data/db';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseTypeConfig } from '../../src/domain/lifecycle/types';
import type { CaseState } from '../../src/domain/model/case';
import { addDays } from '../../src/domain/model/time';
import { assignCaseToDrc } from '../../src/services/assignDrc';
import { monitorCase, monitorSeenCase, runDueMonitors } from '../../src/services/monitorCases';
import { notifyFromAudit } from '../../src/services/notifications/fromAudit';
import { col } from '../../src/services/notifications/store';
import type { AuditLike } from '../../src/domain/notifications/events';
import type { InboxItem } from '../../src/domain/notifications/plan';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';
import { openCase } from '../support/openCases';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';

const getRequestHandler = handlerOf('getRequest');
const submitRequestHandler = handlerOf('submitRequest');
const reassignCasesHandler = handlerOf('reassignCases');

/**
 * A case type whose validity lapse only takes the case from its RO and leaves it with its DRC (the life cycle's
 * own choice; docs/decisions/0040-validity-lapse-and-extension.md): the DebtX life cycle with that expiry.
 */
const LAPSE_TO_DRC: CaseTypeConfig = {
  ...debtxTelco,
  id: 'telco_lapse_to_drc',
  name: 'Telco, lapse to the DRC',
  statuses: debtxTelco.statuses.map((s) => ({
    ...s,
    ...(s.hooks?.monitoring
      ? {
          hooks: {
            ...s.hooks,
            monitoring: s.hooks.monitoring.map((h) =>
              h.algorithm === 'validityExpiry' ? { ...h, params: { ...h.params, returnTo: 'drc' } } : h,
            ),
          },
        }
      : {}),
  })),
};

const caseDoc = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).data() as CaseState;

async function submit(user: string, body: { type: string; caseId?: string; payload: Record<string, unknown> }) {
  const { requestId } = await submitRequestHandler(asUser(user, { ...body, clientRequestId: randomUUID() }));
  await deliverRequestCreated(requestId);
  return { requestId, ...(await getRequestHandler(asUser(user, { requestId }))) };
}

const assignRo = (caseId: string, roId: string) => ({
  type: 'caseAction',
  caseId,
  payload: { action: 'assignRo', result: 'assigned', inputs: { roId } },
});

/** A case placed with drc1 and assigned to ro1 (the DRC admin's assignRo action), of the given case type. */
async function workedCase(config: CaseTypeConfig): Promise<string> {
  const c = await openCase({}, 'arrears', config);
  const placed = await assignCaseToDrc(c.id, new Date().toISOString(), `evt-place-${c.id}`);
  expect(placed).toEqual({ assigned: expect.any(String) });
  const drc = (await caseDoc(c.id)).drcId!;
  const ro = drc === 'drc1' ? 'demo-ro1' : drc === 'drc2' ? 'demo-ro3' : 'demo-ro5';
  expect((await submit(drc, assignRo(c.id, ro))).state).toBe('APPLIED');
  return c.id;
}

/**
 * Ages the assignment: its validity ended a day ago, and the monitor is due. A test shortcut for two months
 * passing; the case's other fields stay as the services wrote them.
 */
async function lapse(caseId: string): Promise<string> {
  const ended = addDays(new Date().toISOString(), -1);
  await firestore().collection(COL.cases).doc(caseId).update({ 'assignment.validUntil': ended, nextMonitorAt: ended });
  return ended;
}

beforeAll(async () => {
  await seedOrganisation();
  await firestore()
    .collection(COL.caseTypes)
    .doc(`${LAPSE_TO_DRC.id}@${LAPSE_TO_DRC.version}`)
    .set({ ...LAPSE_TO_DRC });
  clearCaseTypeCache();
});
afterAll(cleanupTriggers);

describe('an RO assigned again after the validity lapsed', () => {
  it('keeps the case at the next monitor run: the new assignment starts a new validity period', async () => {
    const caseId = await workedCase(LAPSE_TO_DRC);
    const ended = await lapse(caseId);
    await runDueMonitors(new Date().toISOString());
    const lapsed = await caseDoc(caseId);
    expect([lapsed.status, lapsed.roId]).toEqual(['DRC_ASSIGNED', null]);

    const drc = lapsed.drcId!;
    const ro = drc === 'drc1' ? 'demo-ro2' : drc === 'drc2' ? 'demo-ro4' : 'demo-ro6';
    const assignedAt = new Date().toISOString();
    expect((await submit(drc, assignRo(caseId, ro))).state).toBe('APPLIED');
    const again = await caseDoc(caseId);
    expect([again.status, again.roId]).toEqual(['RO_ASSIGNED', ro]);
    expect(again.assignment.validUntil! > ended).toBe(true);
    expect(again.assignment.validUntil! >= addDays(assignedAt, debtxTelco.settings!.validityDays!)).toBe(true);

    await runDueMonitors(addDays(new Date().toISOString(), 1));
    expect((await caseDoc(caseId)).roId).toBe(ro);
  });

  it('the same through a DRC admin’s bulk reassignment', async () => {
    const caseId = await workedCase(LAPSE_TO_DRC);
    await lapse(caseId);
    await runDueMonitors(new Date().toISOString());
    const lapsed = await caseDoc(caseId);
    expect(lapsed.roId).toBeNull();
    const drc = lapsed.drcId!;
    const ro = drc === 'drc1' ? 'demo-ro2' : drc === 'drc2' ? 'demo-ro4' : 'demo-ro6';
    const out = await reassignCasesHandler(
      asUser(drc, { operationId: randomUUID(), caseIds: [caseId], reason: 'Back in the field', toRoId: ro }),
    );
    expect(out.results[0]).toMatchObject({ ok: true, code: 'reassigned' });

    await runDueMonitors(addDays(new Date().toISOString(), 1));
    expect((await caseDoc(caseId)).roId).toBe(ro);
  });
});

const now = () => new Date().toISOString();
const roKey = (uid: string) => uid.replace('demo-', '');
const openCasesOf = async (drcId: string) =>
  (await firestore().collection(COL.drcs).doc(drcId).get()).get('openCases') as number;

const extension = (caseId: string) => ({
  type: 'caseAction',
  caseId,
  payload: { action: 'roRequest', result: 'validity_extension', inputs: { reason: 'Customer abroad', days: 14 } },
});
const decide = (caseId: string, requestId: string, result: 'approved' | 'rejected', note: string) => ({
  type: 'caseAction',
  caseId,
  payload: { action: 'decideRoRequest', result, inputs: { requestId, note } },
});

/** The case's audit events written by the monitor, oldest first. */
async function monitorEvents(caseId: string): Promise<(AuditLike & { summary: string })[]> {
  const snap = await firestore().collection(COL.audit).where('entity', '==', `cases/${caseId}`).get();
  return snap.docs
    .map((d) => ({ ...(d.data() as Omit<AuditLike, 'id'> & { summary: string }), id: d.id }))
    .filter((e) => e.action === 'monitor')
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('a waiting validity extension request holds the expiry', () => {
  it('the case stays with its RO, unwarned, while the request waits; rejected, the expiry applies at the next run', async () => {
    const caseId = await workedCase(debtxTelco);
    const placed = await caseDoc(caseId);
    expect((await submit(roKey(placed.roId!), extension(caseId))).state).toBe('APPLIED');
    await lapse(caseId);

    await runDueMonitors(now());
    await runDueMonitors(addDays(now(), 3));
    const held = await caseDoc(caseId);
    expect([held.status, held.drcId, held.roId]).toEqual(['RO_ASSIGNED', placed.drcId, placed.roId]);
    expect(held.tasks.filter((t) => t.type === 'validity_expiring')).toEqual([]);
    // The runs wrote at most their next due time: nothing taken, nothing raised.
    const touched = (await monitorEvents(caseId)).filter((e) =>
      Object.keys(e.after).some((k) => k !== 'nextMonitorAt'),
    );
    expect(touched).toEqual([]);

    const requestId = held.roRequests[0]!.id;
    expect((await submit('officer', decide(caseId, requestId, 'rejected', 'Placed long enough'))).state).toBe(
      'APPLIED',
    );
    // The end is past: the next run applies it.
    expect((await caseDoc(caseId)).nextMonitorAt! <= now()).toBe(true);
    await runDueMonitors(now());
    expect([(await caseDoc(caseId)).status, (await caseDoc(caseId)).drcId]).toEqual(['OPEN', null]);
  });

  it('approved, the end moves on and the case stays with its RO past the old end', async () => {
    const caseId = await workedCase(debtxTelco);
    const placed = await caseDoc(caseId);
    expect((await submit(roKey(placed.roId!), extension(caseId))).state).toBe('APPLIED');
    const ended = await lapse(caseId);
    await runDueMonitors(now());
    const requestId = (await caseDoc(caseId)).roRequests[0]!.id;
    const decidedAt = now();
    expect((await submit('officer', decide(caseId, requestId, 'approved', 'Fine'))).state).toBe('APPLIED');
    const extended = await caseDoc(caseId);
    expect(extended.assignment.validUntil! > ended).toBe(true);
    expect(extended.assignment.validUntil! >= addDays(decidedAt, 14)).toBe(true);
    await runDueMonitors(addDays(now(), 13));
    expect((await caseDoc(caseId)).roId).toBe(placed.roId);
  });
});

describe('a DebtX case whose validity ended without an extension returns to the recovery section', () => {
  it('audited with the reason, the DRC’s counter and the request mirrors moved, the RO, DRC and section told', async () => {
    const caseId = await workedCase(debtxTelco);
    const placed = await caseDoc(caseId);
    const drcId = placed.drcId!;
    const ro = placed.roId!;
    // A board-letter request keeps a mirror the DRC lists; the return must take it from the DRC's list.
    expect(
      (
        await submit(roKey(ro), {
          type: 'caseAction',
          caseId,
          payload: { action: 'roRequest', result: 'field_support', inputs: { reason: 'Dangerous area' } },
        })
      ).state,
    ).toBe('APPLIED');
    const requestId = (await caseDoc(caseId)).roRequests[0]!.id;
    const ended = await lapse(caseId);
    const counter = await openCasesOf(drcId);

    await runDueMonitors(now());
    const back = await caseDoc(caseId);
    expect([back.status, back.drcId, back.roId]).toEqual(['OPEN', null, null]);
    expect(back.assignment).toMatchObject({ drcAssignedAt: null, roAssignedAt: null, validUntil: null });
    expect(await openCasesOf(drcId)).toBe(counter - 1);
    const mirror = (await firestore().collection(COL.roRequests).doc(requestId).get()).data();
    expect(mirror).toMatchObject({ drcId: null, caseRoId: null, state: 'pending' });

    const [event, ...more] = await monitorEvents(caseId);
    expect(more).toEqual([]);
    expect(event!.summary).toContain(
      `Validity ended on ${ended.slice(0, 10)} without an extension: returned to the recovery section`,
    );
    expect(event!.details?.reasons).toEqual([back.assignment.drcReason]);

    const told = await notifyFromAudit(event!.id, event!, now());
    expect(told.events.map((e) => [e.eventId, e.outcome])).toContainEqual([`${event!.id}#validity`, 'emitted']);
    const inbox = (await col('inbox').get()).docs
      .map((d) => d.data() as InboxItem)
      .filter((i) => i.eventId === `${event!.id}#validity`);
    expect(inbox.every((i) => i.kind === 'case_returned')).toBe(true);
    expect(inbox.map((i) => i.uid).sort()).toEqual([`demo-${drcId}`, 'demo-officer', ro].sort());
    const again = await notifyFromAudit(event!.id, event!, now());
    expect(again.events.find((e) => e.eventId === `${event!.id}#validity`)?.outcome).toBe('duplicate');
  });

  it('the same due case delivered twice is returned once', async () => {
    const caseId = await workedCase(debtxTelco);
    const drcId = (await caseDoc(caseId)).drcId!;
    await lapse(caseId);
    const counter = await openCasesOf(drcId);
    const seen = (await firestore().collection(COL.cases).where('id', '==', caseId).get())
      .docs[0] as QueryDocumentSnapshot;
    const at = now();
    expect(await monitorSeenCase(seen, at)).toBe('changed');
    expect(await monitorSeenCase(seen, at)).toBe('not-due');
    expect(await monitorCase(caseId, at)).toBe('not-due');
    expect((await runDueMonitors(at)).changed).toBe(0);
    expect(await monitorEvents(caseId)).toHaveLength(1);
    expect(await openCasesOf(drcId)).toBe(counter - 1);
  });
});
