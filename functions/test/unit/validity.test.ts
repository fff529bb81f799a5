import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { applyAction, nextMonitorAt } from '../../src/domain/lifecycle/engine';
import { runMonitorsSettled } from '../../src/domain/lifecycle/monitorPasses';
import type { CaseTypeConfig } from '../../src/domain/lifecycle/types';
import { validateCaseTypeConfig } from '../../src/domain/lifecycle/validateConfig';
import { assignmentToRo, pendingExtension, VALIDITY_SIGNALS } from '../../src/domain/lifecycle/validity';
import type { AssignmentInfo, CaseState } from '../../src/domain/model/case';
import type { Actor } from '../../src/domain/model/roles';
import { addDays } from '../../src/domain/model/time';
import { eventsFromCaseAudit, type CaseFacts } from '../../src/domain/notifications/events';
import { planNotifications, type UserRecipient } from '../../src/domain/notifications/plan';
import { DEFAULT_PREFERENCES } from '../../src/domain/notifications/preferences';
import { demoCaseInStatus } from '../support/caseFactory';

/** The assignment's validity period: started again after a lapse, held by a waiting extension, returned on expiry. */
const T0 = '2026-11-01T00:00:00.000Z';
const at = (days: number) => addDays(T0, days);
const UNTIL = at(40);
const ro: Actor = { uid: 'u-ro', role: 'ro', drcId: 'drc1' };
const officer: Actor = { uid: 'u-officer', role: 'recovery_officer' };

function negotiating(overrides: Partial<CaseState> = {}): CaseState {
  const c = demoCaseInStatus(
    debtxTelco,
    'NEGOTIATION',
    {
      statusSince: T0,
      updatedAt: T0,
      roId: 'u-ro',
      assignment: { drcAssignedAt: T0, drcReason: 'x', roAssignedAt: T0, roAssignedBy: 'd', validUntil: UNTIL },
      ...overrides,
    },
    'arrears',
  );
  return { ...c, nextMonitorAt: nextMonitorAt(debtxTelco, c) };
}

function act(c: CaseState, actor: Actor, action: string, result: string, inputs: Record<string, unknown>, now: string) {
  const r = applyAction(debtxTelco, c, { action, result, inputs, requestId: `req-${action}-${now}` }, actor, now);
  if (!r.ok) throw new Error(r.message);
  return r.case;
}

function monitor(c: CaseState, now: string, config: CaseTypeConfig = debtxTelco) {
  const r = runMonitorsSettled(config, c, now);
  if (!r.ok) throw new Error(r.message);
  return r;
}

const askExtension = (c: CaseState, now: string) =>
  act(c, ro, 'roRequest', 'validity_extension', { reason: 'Customer abroad', days: 14 }, now);

describe('a new RO assignment and the validity period', () => {
  const a: AssignmentInfo = {
    drcAssignedAt: T0,
    drcReason: 'x',
    roAssignedAt: T0,
    roAssignedBy: 'd',
    validUntil: UNTIL,
  };

  it('keeps a period that still runs: giving the case to another RO does not lengthen it', () => {
    expect(assignmentToRo(a, 'u-drc', at(10), 60)).toEqual({ ...a, roAssignedAt: at(10), roAssignedBy: 'u-drc' });
  });

  it('starts a new period after a lapse, or where none ran', () => {
    expect(assignmentToRo(a, 'u-drc', at(45), 60).validUntil).toBe(at(105));
    expect(assignmentToRo(a, 'u-drc', UNTIL, 60).validUntil).toBe(addDays(UNTIL, 60));
    expect(assignmentToRo({ ...a, validUntil: null }, 'u-drc', at(1), 60).validUntil).toBe(at(61));
  });

  it('the DRC admin’s assignRo action uses it', () => {
    const lapsed = negotiating({ status: 'DRC_ASSIGNED', roId: null });
    const again = act(
      lapsed,
      { uid: 'u-drc', role: 'drc_admin', drcId: 'drc1' },
      'assignRo',
      'assigned',
      {
        roId: 'u-ro2',
      },
      at(45),
    );
    expect([again.status, again.roId, again.assignment.validUntil]).toEqual(['RO_ASSIGNED', 'u-ro2', at(105)]);
  });
});

describe('a waiting extension request holds the expiry', () => {
  it('nothing is due while it waits: no warning, no expiry, however late', () => {
    const asked = askExtension(negotiating(), at(20));
    expect(pendingExtension(asked)?.days).toBe(14);
    expect(asked.nextMonitorAt).toBe(at(30)); // only the stalled-negotiation to-do remains
    const later = monitor(asked, at(90));
    expect([later.case.status, later.case.roId, later.case.drcId]).toEqual(['NEGOTIATION', 'u-ro', 'drc1']);
    expect(later.case.tasks.map((t) => t.type)).toEqual(['negotiation_stalled']);
    expect(monitor(later.case, at(120)).changed).toBe(false);
  });

  it('an approved request moves the end; the case stays with its RO until the new end', () => {
    const asked = askExtension(negotiating(), at(38));
    const approved = act(
      asked,
      officer,
      'decideRoRequest',
      'approved',
      { requestId: asked.roRequests[0]!.id, note: 'ok' },
      at(45),
    );
    // Decided after the old end: the extension counts from the decision.
    expect(approved.assignment.validUntil).toBe(at(59));
    expect(monitor(approved, at(50)).case.roId).toBe('u-ro');
    const expired = monitor(approved, at(59));
    expect([expired.case.status, expired.case.drcId]).toEqual(['OPEN', null]);
  });

  it('a rejected request lets the expiry apply: at once when the end is past, else at the end', () => {
    const late = askExtension(negotiating(), at(38));
    const rejectedLate = act(
      late,
      officer,
      'decideRoRequest',
      'rejected',
      { requestId: late.roRequests[0]!.id, note: 'No: placed long enough' },
      at(45),
    );
    expect(rejectedLate.nextMonitorAt! <= at(45)).toBe(true);
    expect(monitor(rejectedLate, at(45)).case.status).toBe('OPEN');

    const early = askExtension(negotiating(), at(20));
    const rejectedEarly = act(
      early,
      officer,
      'decideRoRequest',
      'rejected',
      { requestId: early.roRequests[0]!.id, note: 'No: placed long enough' },
      at(25),
    );
    expect(monitor(rejectedEarly, at(39)).case.roId).toBe('u-ro');
    expect(monitor(rejectedEarly, at(40)).case.status).toBe('OPEN');
  });
});

describe('a DebtX case whose validity ends without an extension returns to the recovery section', () => {
  it('leaves its DRC and RO, its placement taken back, and says why', () => {
    const warned = monitor(negotiating(), at(34)).case;
    expect(warned.tasks.filter((t) => t.type === 'validity_expiring' && t.status === 'open')).toHaveLength(1);
    const out = monitor(warned, UNTIL);
    expect(out.case.tasks.filter((t) => t.type === 'validity_expiring').map((t) => t.status)).toEqual(['done']);
    expect([out.case.status, out.case.drcId, out.case.roId]).toEqual(['OPEN', null, null]);
    expect(out.case.assignment).toMatchObject({ drcAssignedAt: null, roAssignedAt: null, validUntil: null });
    expect(out.case.assignment.drcReason).toMatch(/^Validity ended on 2026-12-11 without an extension: returned/);
    expect(out.transitions.map((t) => `${t.from}→${t.to}`)).toEqual(['NEGOTIATION→DRC_ASSIGNED', 'DRC_ASSIGNED→OPEN']);
    expect(out.signals).toEqual(expect.arrayContaining([VALIDITY_SIGNALS.expired, VALIDITY_SIGNALS.returnedToSection]));
    expect(out.reasons).toEqual([out.case.assignment.drcReason]);
    expect(monitor(out.case, at(41)).changed).toBe(false);
  });

  it('from every status it is worked in', () => {
    for (const status of ['RO_ASSIGNED', 'SETTLEMENT']) {
      const out = monitor(negotiating({ status }), UNTIL);
      expect([status, out.case.status, out.case.drcId]).toEqual([status, 'OPEN', null]);
    }
  });

  it('a life cycle may keep the case with its DRC instead (returnTo drc), as before', () => {
    const toDrc: CaseTypeConfig = {
      ...debtxTelco,
      statuses: debtxTelco.statuses.map((s) =>
        s.code === 'NEGOTIATION'
          ? {
              ...s,
              hooks: {
                monitoring: [
                  {
                    algorithm: 'validityExpiry',
                    params: { warnDaysBefore: 7, todo: s.hooks!.monitoring![3]!.params!.todo, returnTo: 'drc' },
                  },
                ],
              },
            }
          : s,
      ),
    };
    expect(validateCaseTypeConfig(toDrc).ok).toBe(true);
    const out = monitor(negotiating(), UNTIL, toDrc);
    expect([out.case.status, out.case.drcId, out.case.roId]).toEqual(['DRC_ASSIGNED', 'drc1', null]);
    expect(out.signals).toContain(VALIDITY_SIGNALS.expired);
    expect(out.signals).not.toContain(VALIDITY_SIGNALS.returnedToSection);
  });

  it('a configuration cannot both move the case and return it', () => {
    const both: CaseTypeConfig = {
      ...debtxTelco,
      statuses: debtxTelco.statuses.map((s) =>
        s.code === 'NEGOTIATION'
          ? {
              ...s,
              hooks: {
                monitoring: [{ algorithm: 'validityExpiry', params: { expiredTo: 'OPEN', returnTo: 'section' } }],
              },
            }
          : s,
      ),
    };
    const verdict = validateCaseTypeConfig(both);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.problems.join('\n')).toMatch(/expiredTo or returnTo/);
  });
});

describe('who is told of a return to the recovery section', () => {
  const facts: CaseFacts = {
    caseId: 'C-1',
    accountNumber: '0041234567',
    status: 'OPEN',
    drcId: null,
    roId: null,
    customer: { name: 'Kamal', phone: '+94771111111', email: null, language: 'si', key: 'cust-1' },
    indicators: [],
    hold: null,
  };
  const audit = (signals: string[]) => ({
    id: 'a9',
    entity: 'cases/C-1',
    at: '2026-12-11T00:05:00.000Z',
    action: 'monitor',
    actor: { uid: 'system', role: 'system' },
    // The status changed twice, so the fired hooks were cleared: the signals are what tells.
    before: { status: 'NEGOTIATION', drcId: 'drc1', roId: 'u-ro', assignment: { validUntil: UNTIL }, firedHooks: [] },
    after: { status: 'OPEN', drcId: null, roId: null, assignment: { validUntil: null } },
    details: { signals },
  });

  it('the RO and the DRC who lost it, and the recovery officers, with the day it ended', () => {
    const events = eventsFromCaseAudit(audit([VALIDITY_SIGNALS.expired, VALIDITY_SIGNALS.returnedToSection]), facts);
    const returned = events.find((e) => e.kind === 'case_returned')!;
    expect(returned).toMatchObject({ id: 'a9#validity', formerRoId: 'u-ro', formerDrcId: 'drc1' });
    expect(returned.vars.due).toBe('2026-12-11');
    expect(events.some((e) => e.kind === 'validity_expired')).toBe(false);
    const person = (uid: string): UserRecipient => ({
      uid,
      displayName: uid,
      email: `${uid}@x.lk`,
      prefs: { ...DEFAULT_PREFERENCES, language: 'en' },
    });
    const plan = planNotifications(
      returned,
      { former_ro: [person('u-ro')], former_drc_admin: [person('u-drc')], recovery_officer: [person('u-officer')] },
      '2026-12-11T00:06:00.000Z',
    );
    expect(plan.inbox.map((i) => i.uid).sort()).toEqual(['u-drc', 'u-officer', 'u-ro']);
    expect(plan.inbox[0]!.body).toContain('2026-12-11');
  });

  it('an expiry that also moved the case still tells the RO who lost it', () => {
    const [e] = eventsFromCaseAudit(audit([VALIDITY_SIGNALS.expired]), facts).filter((x) => x.id === 'a9#validity');
    expect([e!.kind, e!.formerRoId]).toEqual(['validity_expired', 'u-ro']);
  });
});
