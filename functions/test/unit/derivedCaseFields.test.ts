import fc from 'fast-check';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import {
  boardPhaseFlag,
  isPhaseFlagField,
  NEGOTIATION_PHASES,
  negotiationPhaseFlag,
  phaseFlagsOf,
  type NegotiationPhase,
} from '../../src/domain/lifecycle/phaseFlags';
import { BOARD_PHASES, type CaseState, type CaseTask, type PromiseToPay } from '../../src/domain/model/case';
import { isDerivedCaseField, storedNewCase } from '../../src/domain/model/storedCase';
import { followUpItems, hasFollowUps } from '../../src/domain/notifications/schedule';
import { demoCaseInStatus } from '../support/caseFactory';

/** The phase flags every case write derives from the case (counts), and whether a case has follow-ups (notifications). */
const T0 = '2026-11-20T04:00:00.000Z';

const promise = (id: string, status: PromiseToPay['status']): PromiseToPay => ({
  id,
  amountCents: 5_000,
  dueDate: '2026-11-25',
  madeAt: T0,
  paidAtMadeCents: 0,
  status,
  decidedAt: null,
});
const task = (id: string, status: CaseTask['status']): CaseTask => ({
  id,
  type: 'first_contact',
  label: 'No contact yet',
  status,
  raisedAt: T0,
  dueAt: null,
  doneAt: status === 'done' ? T0 : null,
});

const aCase = (overrides: Partial<CaseState> = {}): CaseState =>
  demoCaseInStatus(debtxTelco, 'NEGOTIATION', {
    id: 'D-1',
    tasks: [],
    promises: [],
    nextFollowUpOn: null,
    ...overrides,
  });

describe('phase flags: what the field API sums to count cases per phase', () => {
  it('a negotiation case has the flag of its phase and no other', () => {
    for (const [phase, status] of Object.entries(NEGOTIATION_PHASES)) {
      const flags = phaseFlagsOf({ status, boardPhase: null });
      expect(flags[negotiationPhaseFlag(phase as NegotiationPhase)]).toBe(1);
      expect(Object.values(flags).reduce<number>((s, n) => s + n, 0)).toBe(1);
    }
  });

  it('a board case has its board phase’s flag; one from before the board record counts as escalated', () => {
    for (const phase of BOARD_PHASES) {
      const flags = phaseFlagsOf({ status: 'MEDIATION_BOARD', boardPhase: phase });
      expect(flags[boardPhaseFlag(phase)]).toBe(1);
      expect(Object.values(flags).reduce<number>((s, n) => s + n, 0)).toBe(1);
    }
    expect(phaseFlagsOf({ status: 'MEDIATION_BOARD', boardPhase: null })[boardPhaseFlag('escalated')]).toBe(1);
  });

  it('a case outside those statuses has every flag, all 0 (an index over the summed fields holds every case)', () => {
    const flags = phaseFlagsOf({ status: 'DRC_ASSIGNED', boardPhase: 'settled' });
    expect(Object.keys(flags)).toHaveLength(Object.keys(NEGOTIATION_PHASES).length + BOARD_PHASES.length);
    expect(Object.values(flags).every((v) => v === 0)).toBe(true);
    expect(Object.keys(flags).every(isPhaseFlagField)).toBe(true);
  });
});

describe('whether a case has follow-ups: the notification trigger reads its schedule only then', () => {
  it('hasFollowUps holds exactly when the case has follow-up items', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<PromiseToPay['status']>('open', 'kept', 'broken'), { maxLength: 3 }),
        fc.array(fc.constantFrom<CaseTask['status']>('open', 'done'), { maxLength: 3 }),
        fc.option(fc.constant('2026-12-01'), { nil: null }),
        fc.option(fc.constant(T0), { nil: null }),
        (promises, tasks, nextFollowUpOn, closedAt) => {
          const c = aCase({
            promises: promises.map((s, i) => promise(`P${i}`, s)),
            tasks: tasks.map((s, i) => task(`t${i}`, s)),
            nextFollowUpOn,
            closedAt,
          });
          expect(hasFollowUps(c)).toBe(followUpItems(c).length > 0);
        },
      ),
    );
  });

  it('derived fields are left out of the audit diff and replaced on every write', () => {
    const stored = storedNewCase(aCase({ status: 'SETTLEMENT' }));
    expect(stored[negotiationPhaseFlag('settlement')]).toBe(1);
    expect(isDerivedCaseField(boardPhaseFlag('settled'))).toBe(true);
    expect(isDerivedCaseField('status')).toBe(false);
  });
});
