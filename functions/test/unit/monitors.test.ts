import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import {
  applyAction,
  completeTask,
  manualTransition,
  nextMonitorAt,
  runMonitors,
} from '../../src/domain/lifecycle/engine';
import type { AlgorithmRef, CaseTypeConfig, HookSpot } from '../../src/domain/lifecycle/types';
import { validateCaseTypeConfig } from '../../src/domain/lifecycle/validateConfig';
import type { CaseState } from '../../src/domain/model/case';
import { addDays } from '../../src/domain/model/time';
import { demoCaseInStatus } from '../support/caseFactory';

/** Monitor algorithms, each on a fake clock: not due before its time, acts at it, and a second run changes nothing. */
const T0 = '2026-11-01T00:00:00.000Z';
const at = (days: number) => addDays(T0, days);

/** A laboratory case type: WORK is monitored by the hook under test; every status is reachable from every other. */
function lab(hooks: Partial<Record<HookSpot, AlgorithmRef[]>>, extra: Partial<CaseTypeConfig> = {}): CaseTypeConfig {
  const config: CaseTypeConfig = {
    id: 'lab',
    version: 1,
    name: 'Lab',
    description: '',
    readings: [],
    category: 'Test',
    level: 'account',
    settings: {},
    statuses: [
      { code: 'START', label: 'Start', kind: 'initial', description: '', actors: [] },
      { code: 'WORK', label: 'Work', kind: 'interim', description: '', actors: ['ro'], hooks },
      { code: 'PARKED', label: 'Parked', kind: 'interim', description: '', actors: ['ro'] },
      { code: 'DONE', label: 'Done', kind: 'final', description: '', actors: [] },
    ],
    transitions: [
      { from: '*', to: 'WORK', mode: 'system' },
      { from: '*', to: 'PARKED', mode: 'system' },
      { from: '*', to: 'DONE', mode: 'system' },
      { from: '*', to: 'DONE', mode: 'manual', roles: ['supervisor'] },
    ],
    actions: [],
    ...extra,
  };
  // A laboratory case type, never shipped nor saved: its labels need no translations.
  const check = validateCaseTypeConfig(config, { requireTranslations: false });
  if (!check.ok) throw new Error(check.problems.join('\n'));
  return config;
}

/** A case in WORK since T0, with its next due time stored as the adapter would have stored it. */
function inWork(config: CaseTypeConfig, overrides: Partial<CaseState> = {}): CaseState {
  const c = demoCaseInStatus(config, 'WORK', { statusSince: T0, updatedAt: T0, ...overrides });
  return { ...c, nextMonitorAt: nextMonitorAt(config, c) };
}

function monitor(config: CaseTypeConfig, c: CaseState, now: string) {
  const r = runMonitors(config, c, now);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('afterDaysInStatus', () => {
  const config = lab({
    monitoring: [
      { algorithm: 'afterDaysInStatus', params: { days: 10, moveTo: 'PARKED', todo: { type: 'look', label: 'Look' } } },
    ],
  });
  it('is due N days after entry, acts then, and only once', () => {
    const c = inWork(config);
    expect(nextMonitorAt(config, c)).toBe(at(10));
    expect(monitor(config, c, at(9)).changed).toBe(false);
    const fired = monitor(config, c, at(10));
    expect(fired.changed).toBe(true);
    expect(fired.case.status).toBe('PARKED');
    expect(fired.case.tasks.map((t) => t.type)).toEqual(['look']);
    expect(monitor(config, fired.case, at(10)).changed).toBe(false);
  });

  it('raises its to-do once when it does not move the case', () => {
    const todoOnly = lab({
      monitoring: [{ algorithm: 'afterDaysInStatus', params: { days: 2, todo: { type: 'call', label: 'Call' } } }],
    });
    const first = monitor(todoOnly, inWork(todoOnly), at(3));
    expect(first.case.tasks).toHaveLength(1);
    expect(first.case.nextMonitorAt).toBeNull();
    const again = monitor(todoOnly, first.case, at(4));
    expect(again.changed).toBe(false);
    expect(again.case.tasks).toHaveLength(1);
  });
});

describe('promiseWatch', () => {
  const config = lab({
    monitoring: [
      {
        algorithm: 'promiseWatch',
        params: { toleranceDays: 2, brokenTo: 'PARKED', todo: { type: 'broken', label: 'Broken' } },
      },
    ],
  });
  const promise = {
    id: 'p1',
    amountCents: 5000,
    dueDate: '2026-11-05',
    madeAt: T0,
    paidAtMadeCents: 0,
    status: 'open' as const,
    decidedAt: null,
  };
  it('breaks an unpaid promise after its date plus tolerance, not before', () => {
    const c = inWork(config, { promises: [promise] });
    expect(nextMonitorAt(config, c)).toBe('2026-11-08T00:00:00.000Z');
    expect(monitor(config, c, '2026-11-07T23:59:59.000Z').changed).toBe(false);
    const broken = monitor(config, c, '2026-11-08T00:00:00.000Z');
    expect(broken.case.promises[0]?.status).toBe('broken');
    expect(broken.case.status).toBe('PARKED');
    expect(broken.signals).toContain('case.promiseBroken');
  });
  it('keeps a promise once enough is paid after it', () => {
    const c = inWork(config, { promises: [promise], paidCents: 5000 });
    const kept = monitor(config, c, '2026-11-09T00:00:00.000Z');
    expect(kept.case.promises[0]?.status).toBe('kept');
    expect(kept.case.status).toBe('WORK');
  });
});

describe('DebtX monitors', () => {
  it('warns before the validity ends, then returns the case to the recovery section', () => {
    const c = demoCaseInStatus(debtxTelco, 'NEGOTIATION', {
      statusSince: T0,
      updatedAt: T0,
      assignment: { drcAssignedAt: T0, drcReason: 'x', roAssignedAt: T0, roAssignedBy: 'd', validUntil: at(40) },
    });
    expect(nextMonitorAt(debtxTelco, c)).toBe(at(30)); // stalled-negotiation to-do at 30 days comes first
    const warned = monitor(debtxTelco, c, at(33));
    expect(warned.case.tasks.map((t) => t.type).sort()).toEqual(['negotiation_stalled', 'validity_expiring']);
    const expired = monitor(debtxTelco, warned.case, at(40));
    expect([expired.case.roId, expired.case.drcId]).toEqual([null, null]);
    expect(expired.case.status).toBe('OPEN');
    expect(expired.transitions).toEqual([
      { from: 'NEGOTIATION', to: 'DRC_ASSIGNED', mode: 'system' },
      { from: 'DRC_ASSIGNED', to: 'OPEN', mode: 'system' },
    ]);
  });

  it('raises an overdue-instalment to-do, and sends a broken settlement back to negotiation', () => {
    const c = demoCaseInStatus(debtxTelco, 'SETTLEMENT', {
      statusSince: T0,
      updatedAt: T0,
      requiredAction: 'arrears',
      cpe: [],
      settlement: {
        agreedCents: 10000,
        discountCents: 0,
        agreedAt: T0,
        agreedBy: 'ro',
        instalments: [{ seq: 1, dueDate: '2026-11-10', amountCents: 10000, paidCents: 0 }],
      },
    });
    const late = monitor(debtxTelco, c, '2026-11-14T00:00:00.000Z');
    expect(late.case.tasks.map((t) => t.type)).toEqual(['instalment_overdue']);
    expect(late.case.status).toBe('SETTLEMENT');
    const broken = monitor(debtxTelco, late.case, '2026-12-11T00:00:00.000Z');
    expect(broken.case.status).toBe('NEGOTIATION');
  });

  it('mirrors an account written off in billing', () => {
    const c = demoCaseInStatus(debtxTelco, 'NEGOTIATION', {
      accountStatus: 'closed_written_off',
      statusSince: T0,
      updatedAt: T0,
    });
    expect(monitor(debtxTelco, c, at(1)).case.status).toBe('WRITTEN_OFF');
  });
});

describe('condition monitors', () => {
  it.each([
    [
      'smallBalance park',
      { algorithm: 'smallBalance', params: { thresholdCents: 100_000, direction: 'park', to: 'PARKED' } },
      { arrearsCents: 50_000 },
      'PARKED',
    ],
    [
      'smallBalance above threshold',
      { algorithm: 'smallBalance', params: { thresholdCents: 100, direction: 'park', to: 'PARKED' } },
      { arrearsCents: 50_000 },
      'WORK',
    ],
    [
      'indicatorWatch',
      { algorithm: 'indicatorWatch', params: { indicators: ['dispute'], moveTo: 'PARKED' } },
      { indicators: ['dispute'] },
      'PARKED',
    ],
    [
      'unreachable',
      { algorithm: 'unreachable', params: { consecutiveFailures: 3, moveTo: 'PARKED' } },
      { failedContacts: 3 },
      'PARKED',
    ],
    [
      'unreachable below',
      { algorithm: 'unreachable', params: { consecutiveFailures: 3, moveTo: 'PARKED' } },
      { failedContacts: 2 },
      'WORK',
    ],
    [
      'zeroBalanceClose',
      { algorithm: 'zeroBalanceClose', params: { to: 'DONE' } },
      { arrearsCents: 100, paidCents: 100 },
      'DONE',
    ],
    [
      'accountStatusMirror',
      { algorithm: 'accountStatusMirror', params: { map: { closed_sold: 'DONE' } } },
      { accountStatus: 'closed_sold' },
      'DONE',
    ],
  ] as const)('%s', (_name, hook, overrides, expected) => {
    const config = lab({ monitoring: [hook as AlgorithmRef] });
    expect(monitor(config, inWork(config, overrides as Partial<CaseState>), at(1)).case.status).toBe(expected);
  });
});

describe('timed monitors on captured dates', () => {
  it('disputeExit leaves N grace days after resolution', () => {
    const config = lab({ monitoring: [{ algorithm: 'disputeExit', params: { graceDays: 5, to: 'PARKED' } }] });
    const c = inWork(config, { characteristics: { disputeResolvedOn: '2026-11-10' } });
    expect(nextMonitorAt(config, c)).toBe('2026-11-15T00:00:00.000Z');
    expect(monitor(config, c, '2026-11-14T00:00:00.000Z').changed).toBe(false);
    expect(monitor(config, c, '2026-11-15T00:00:00.000Z').case.status).toBe('PARKED');
  });

  it('dateAlert raises its to-do N days before the date, once per date', () => {
    const config = lab({
      monitoring: [
        {
          algorithm: 'dateAlert',
          params: { field: 'hearingOn', daysBefore: 3, todo: { type: 'hearing', label: 'Hearing' } },
        },
      ],
    });
    const c = inWork(config, { characteristics: { hearingOn: '2026-11-20' } });
    const alerted = monitor(config, c, '2026-11-17T00:00:00.000Z');
    expect(alerted.case.tasks.map((t) => t.label)).toEqual(['Hearing (2026-11-20)']);
    expect(monitor(config, alerted.case, '2026-11-18T00:00:00.000Z').changed).toBe(false);
    const moved = { ...alerted.case, characteristics: { hearingOn: '2026-12-20' } };
    expect(nextMonitorAt(config, moved)).toBe('2026-12-17T00:00:00.000Z');
  });

  it('agencyRecall recalls a placement that recovered too little', () => {
    const config = lab({
      monitoring: [{ algorithm: 'agencyRecall', params: { afterDays: 90, minRecoveredPct: 20, recallTo: 'PARKED' } }],
    });
    const poor = inWork(config, {
      arrearsCents: 10_000,
      paidCents: 1_000,
      assignment: { drcAssignedAt: T0, drcReason: null, roAssignedAt: null, roAssignedBy: null, validUntil: null },
    });
    expect(monitor(config, poor, at(90)).case.status).toBe('PARKED');
    const good = { ...poor, paidCents: 3_000 };
    const kept = monitor(config, good, at(90));
    expect(kept.case.status).toBe('WORK');
    expect(monitor(config, kept.case, at(91)).changed).toBe(false);
  });

  it('settlementOfferWatch moves an expired offer', () => {
    const config = lab({
      monitoring: [{ algorithm: 'settlementOfferWatch', params: { expiredTo: 'PARKED', acceptedTo: 'DONE' } }],
    });
    const open = inWork(config, { characteristics: { offerExpiresOn: '2026-11-10', offerStatus: 'open' } });
    const expired = monitor(config, open, '2026-11-11T00:00:00.000Z');
    expect(expired.case.status).toBe('PARKED');
    expect(expired.case.characteristics.offerStatus).toBe('expired');
    const accepted = inWork(config, { characteristics: { offerExpiresOn: '2026-11-10', offerStatus: 'accepted' } });
    expect(monitor(config, accepted, '2026-11-11T00:00:00.000Z').case.status).toBe('DONE');
  });
});

describe('validation and processing hooks', () => {
  it('an open to-do gates the exit, with the reason', () => {
    const config = lab({ exitValidation: [{ algorithm: 'tasksCompleted', params: {} }] });
    const c = inWork(config, {
      tasks: [
        {
          id: 't',
          type: 'x',
          label: 'Collect the title deed',
          status: 'open',
          raisedAt: T0,
          dueAt: null,
          doneAt: null,
        },
      ],
    });
    const r = manualTransition(config, c, 'DONE', 'finished', { uid: 's', role: 'supervisor' }, at(1));
    expect(r).toMatchObject({ ok: false, code: 'exit-refused' });
    if (!r.ok) expect(r.message).toContain('Collect the title deed');
  });

  it('enter processing raises to-dos, work lists and cross-case work', () => {
    const config = lab(
      {
        enterProcessing: [
          { algorithm: 'raiseTodo', params: { type: 'setup', label: 'Set up', dueInDays: 2 } },
          { algorithm: 'addToWorkList', params: { workList: 'new-work' } },
          {
            algorithm: 'crossCase',
            params: { scope: 'customer', caseTypes: ['debtx_telco'], action: 'hold', reason: 'bankrupt' },
          },
        ],
      },
      {
        actions: [
          {
            code: 'go',
            label: 'Go',
            roles: ['ro'],
            statuses: ['START'],
            results: [{ code: 'ok', label: 'OK', effects: [], next: 'WORK' }],
          },
        ],
        transitions: [
          { from: 'START', to: 'WORK', mode: 'followUp' },
          { from: '*', to: 'PARKED', mode: 'system' },
          { from: '*', to: 'DONE', mode: 'system' },
        ],
      },
    );
    const c = demoCaseInStatus(config, 'START');
    const r = applyAction(
      config,
      c,
      { action: 'go', result: 'ok', inputs: {}, requestId: 'r' },
      { uid: 'tester', role: 'ro' },
      at(1),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.tasks.map((t) => [t.type, t.dueAt])).toEqual([['setup', at(3)]]);
    expect(r.case.workLists).toEqual(['new-work']);
    expect(r.crossCase).toEqual([
      { scope: 'customer', caseTypes: ['debtx_telco'], action: 'hold', reason: 'bankrupt' },
    ]);
  });
});

describe('completing to-dos', () => {
  it('opens a gate that an open to-do held shut', () => {
    const config = lab({ exitValidation: [{ algorithm: 'tasksCompleted', params: {} }] });
    const task = {
      id: 't1',
      type: 'deed',
      label: 'Collect the title deed',
      status: 'open' as const,
      raisedAt: T0,
      dueAt: null,
      doneAt: null,
    };
    const c = inWork(config, { tasks: [task] });
    const supervisor = { uid: 's', role: 'supervisor' as const };
    const done = completeTask(config, c, 't1', 'deed received', supervisor, at(1));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.case.tasks[0]).toMatchObject({ status: 'done', doneAt: at(1) });
    expect(manualTransition(config, done.case, 'DONE', 'finished', supervisor, at(2)).ok).toBe(true);
    expect(completeTask(config, done.case, 't1', '', supervisor, at(2))).toMatchObject({
      ok: false,
      code: 'task-done',
    });
    expect(completeTask(config, c, 'nope', '', supervisor, at(2))).toMatchObject({ ok: false, code: 'unknown-task' });
    expect(completeTask(config, c, 't1', '', { uid: 'x', role: 'rcmp' }, at(2))).toMatchObject({
      ok: false,
      code: 'role-not-allowed',
    });
  });
});
