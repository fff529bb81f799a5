import type { Approval, CaseTask, CpeItem, PromiseToPay, RoRequest } from '../../src/domain/model/case';
import {
  APPROVAL_LEVEL,
  eventsFromCaseAudit,
  isEventKind,
  taskEventKind,
  type AuditLike,
  type CaseFacts,
} from '../../src/domain/notifications/events';
import { TEMPLATE_VARIABLES } from '../../src/domain/notifications/templateCheck';

/** Which notification events a case change causes, read from its audit event's before/after. */
const NOW = '2026-11-23T05:00:00.000Z';
const facts: CaseFacts = {
  caseId: 'C-1',
  accountNumber: '0041234567',
  status: 'NEGOTIATION',
  drcId: 'drc1',
  roId: 'ro2',
  customer: { name: 'Kamal', phone: '+94771111111', email: null, language: 'si', key: 'cust-1' },
  indicators: [],
  hold: null,
};

function events(before: Record<string, unknown>, after: Record<string, unknown>, entity = 'cases/C-1') {
  const audit: AuditLike = {
    id: 'a1',
    entity,
    at: NOW,
    action: 'test',
    actor: { uid: 'u', role: 'ro' },
    before,
    after,
  };
  const out = eventsFromCaseAudit(audit, facts);
  seen.push(...out);
  return out;
}
/** Every event this file produced, for the check that templates can rely on their variables. */
const seen: ReturnType<typeof eventsFromCaseAudit> = [];
const brief = (list: ReturnType<typeof events>) => list.map((e) => [e.id, e.kind, e.level]);

const task = (id: string, type: string, status: CaseTask['status'] = 'open'): CaseTask => ({
  id,
  type,
  label: `${type} label`,
  status,
  raisedAt: NOW,
  dueAt: null,
  doneAt: null,
});

describe('case changes into events', () => {
  it('ignores audit events of other entities', () => {
    expect(events({ status: 'A' }, { status: 'B' }, 'drcs/drc1')).toEqual([]);
  });

  it('a placement with a DRC is level 1, an assignment to an RO level 2; the same value again is nothing', () => {
    expect(brief(events({ drcId: null, roId: null }, { drcId: 'drc1', roId: 'ro2' }))).toEqual([
      ['a1#drc', 'case_assigned', 1],
      ['a1#ro', 'case_assigned', 2],
    ]);
    expect(events({ roId: 'ro2' }, { roId: 'ro2' })).toEqual([]);
    expect(events({ roId: 'ro2' }, { roId: null })).toEqual([]);
    expect(events({ roId: null }, { roId: 'ro2' })[0]!.vars).toMatchObject({ to: 'ro2', account: '0041234567' });
  });

  it('a status change names both statuses; a status first set is no change', () => {
    const [e] = events({ status: 'RO_ASSIGNED' }, { status: 'NEGOTIATION' });
    expect([e!.kind, e!.vars.from, e!.vars.status]).toEqual(['status_changed', 'RO_ASSIGNED', 'NEGOTIATION']);
    expect(events({}, { status: 'NEGOTIATION' })).toEqual([]);
  });

  it('newly opened to-dos map to overdue, follow-up and validity events; others and old ones to nothing', () => {
    const before = { tasks: [task('t0', 'first_contact')] };
    const after = {
      tasks: [
        task('t0', 'first_contact'),
        task('t1', 'instalment_overdue'),
        task('t2', 'board_follow_up'),
        task('t3', 'validity_expiring'),
        task('t4', 'something_else'),
      ],
    };
    expect(brief(events(before, after))).toEqual([
      ['a1#task:t1', 'case_overdue', undefined],
      ['a1#task:t2', 'follow_up_due', undefined],
      ['a1#task:t3', 'validity_expiring', undefined],
    ]);
  });

  it('approval to-dos of configured case types ask a supervisor (level 1); an overdue approval is overdue work', () => {
    const after = {
      tasks: [
        task('h1', 'HARDSHIP_APPROVAL'),
        task('h2', 'HARDSHIP_APPROVAL_OVERDUE'),
        task('l1', 'LEGAL_LSP_APPROVAL'),
        task('x1', 'EX_SUPERVISOR_REVIEW'),
      ],
    };
    expect(brief(events({ tasks: [] }, after))).toEqual([
      ['a1#task:h1', 'approval_needed', 1],
      ['a1#task:h2', 'case_overdue', undefined],
      ['a1#task:l1', 'approval_needed', 1],
    ]);
    const decided = { tasks: [task('h1', 'HARDSHIP_APPROVAL', 'done')] };
    expect(brief(events({ tasks: [task('h1', 'HARDSHIP_APPROVAL')] }, decided))).toEqual([
      ['a1#done:h1', 'approval_decided', undefined],
    ]);
    expect(taskEventKind('something_else')).toBeNull();
  });

  it('a to-do’s due date is a calendar date: its own, or the day it was raised', () => {
    const raised = events({ tasks: [] }, { tasks: [task('t2', 'board_follow_up')] });
    expect(raised[0]!.vars.due).toBe(raised[0]!.at.slice(0, 10));
    const dated = events(
      { tasks: [] },
      { tasks: [{ ...task('t2', 'board_follow_up'), dueAt: '2026-12-05T10:00:00.000Z' }] },
    );
    expect(dated[0]!.vars.due).toBe('2026-12-05');
  });

  it('a promise newly broken is told once', () => {
    const p: PromiseToPay = {
      id: 'P1',
      amountCents: 5_000,
      dueDate: '2026-11-20',
      madeAt: NOW,
      paidAtMadeCents: 0,
      status: 'open',
      decidedAt: null,
    };
    const broken = { ...p, status: 'broken' as const };
    expect(brief(events({ promises: [p] }, { promises: [broken] }))).toEqual([
      ['a1#promise:P1', 'promise_broken', undefined],
    ]);
    expect(events({ promises: [broken] }, { promises: [broken] })).toEqual([]);
  });

  it('an expired validity tells the RO who lost the case', () => {
    const [e] = events({ roId: 'ro2', firedHooks: [] }, { roId: null, firedHooks: ['validity@expired:2026-11-23'] });
    expect([e!.kind, e!.formerRoId]).toEqual(['validity_expired', 'ro2']);
    expect(
      events({ firedHooks: ['validity@expired:2026-11-23'] }, { firedHooks: ['validity@expired:2026-11-23'] }),
    ).toEqual([]);
  });
});

describe('approvals: asked of their deciders, then told to their makers', () => {
  const approval = (state: Approval['state']): Approval => ({
    id: 'AP1',
    kind: 'settlement_discount',
    state,
    makerUid: 'ro2',
    makerRole: 'ro',
    madeAt: NOW,
    details: { discountCents: 123_450 },
    checkerUid: null,
    decidedAt: null,
    note: null,
  });
  const request = (state: RoRequest['state']): RoRequest => ({
    id: 'R1',
    kind: 'validity_extension',
    reason: 'abroad',
    days: 14,
    state,
    requestedBy: 'ro2',
    requestedAt: NOW,
    decidedBy: null,
    decidedAt: null,
    note: null,
  });
  const cpe = (status: CpeItem['status']): CpeItem => ({
    itemId: 'I1',
    kind: 'router',
    serialNumber: 'SN9',
    status,
    collectedAt: null,
    condition: null,
  });

  it('a new settlement approval asks level 1; its decision tells the maker, once', () => {
    const [asked] = events({ approvals: [] }, { approvals: [approval('pending')] });
    expect([asked!.id, asked!.kind, asked!.level, asked!.vars.task]).toEqual([
      'a1#approval:AP1',
      'approval_needed',
      APPROVAL_LEVEL.settlement,
      'settlement with a discount of 1234.50',
    ]);
    const [told] = events({ approvals: [approval('pending')] }, { approvals: [approval('approved')] });
    expect([told!.id, told!.kind, told!.users]).toEqual(['a1#approval:AP1:approved', 'approval_decided', ['ro2']]);
    expect(events({ approvals: [approval('approved')] }, { approvals: [approval('approved')] })).toEqual([]);
    expect(events({ approvals: [approval('pending')] }, { approvals: [approval('pending')] })).toEqual([]);
  });

  it('an RO request asks level 2 and its decision tells the RO who asked', () => {
    expect(brief(events({ roRequests: [] }, { roRequests: [request('pending')] }))).toEqual([
      ['a1#request:R1', 'approval_needed', APPROVAL_LEVEL.roRequest],
    ]);
    const [told] = events({ roRequests: [request('pending')] }, { roRequests: [request('rejected')] });
    expect([told!.vars.task, told!.users]).toEqual(['validity extension request (14 days): rejected', ['ro2']]);
  });

  it('collected CPE goes to the returned-CPE desk (level 3), but not when the list first appears', () => {
    expect(brief(events({ cpe: [cpe('pending')] }, { cpe: [cpe('collected')] }))).toEqual([
      ['a1#cpe:I1', 'approval_needed', APPROVAL_LEVEL.cpe],
    ]);
    expect(events({}, { cpe: [cpe('collected')] })).toEqual([]);
  });
});

describe('the same audit event always gives the same events', () => {
  it('ids derive from the audit id and what changed, and every kind is a known one', () => {
    const before = { roId: null, status: 'DRC_ASSIGNED', tasks: [] };
    const after = { roId: 'ro2', status: 'RO_ASSIGNED', tasks: [task('t1', 'first_contact')] };
    const first = events(before, after);
    expect(events(before, after)).toEqual(first);
    expect(new Set(first.map((e) => e.id)).size).toBe(first.length);
    expect(first.every((e) => isEventKind(e.kind) && e.at === NOW && e.caseFacts === facts)).toBe(true);
    expect(isEventKind('not_a_kind')).toBe(false);
  });
});

describe('variables', () => {
  // Runs last: every event the tests above produced. The message texts screen offers, and refuses outside,
  // TEMPLATE_VARIABLES; an event carrying a variable not listed there could never be used in a text.
  it('every event carries exactly variables its kind declares for the templates', () => {
    expect(new Set(seen.map((e) => e.kind)).size).toBeGreaterThanOrEqual(8);
    for (const e of seen) {
      const declared = TEMPLATE_VARIABLES[e.kind];
      expect([e.kind, Object.keys(e.vars).filter((v) => !declared.includes(v))]).toEqual([e.kind, []]);
    }
  });
});
