import fc from 'fast-check';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseState, CaseTask, PromiseToPay } from '../../src/domain/model/case';
import type { NotifyEvent } from '../../src/domain/notifications/events';
import { planNotifications, type UserRecipient } from '../../src/domain/notifications/plan';
import { DEFAULT_PREFERENCES } from '../../src/domain/notifications/preferences';
import {
  DEFAULT_FOLLOW_UPS,
  digestSummary,
  dueItems,
  followUpItems,
  nextAtOf,
  nextSchedule,
  overdueSince,
  type FollowUpConfig,
  type FollowUpSchedule,
} from '../../src/domain/notifications/schedule';
import type { Audience } from '../../src/domain/notifications/routing';
import { demoCaseInStatus } from '../support/caseFactory';

/** Reminders, escalations and the digest, without Firestore. */
const T0 = '2026-11-20T04:00:00.000Z';
const days = (n: number, from = T0) => new Date(Date.parse(from) + n * 86_400_000).toISOString();

const promise = (id: string, dueDate: string, status: PromiseToPay['status'] = 'open'): PromiseToPay => ({
  id,
  amountCents: 5_000,
  dueDate,
  madeAt: T0,
  paidAtMadeCents: 0,
  status,
  decidedAt: null,
});

const task = (id: string, raisedAt: string, overrides: Partial<CaseTask> = {}): CaseTask => ({
  id,
  type: 'first_contact',
  label: 'No contact yet',
  status: 'open',
  raisedAt,
  dueAt: null,
  doneAt: null,
  ...overrides,
});

function aCase(overrides: Partial<CaseState> = {}): CaseState {
  return demoCaseInStatus(debtxTelco, 'NEGOTIATION', {
    id: 'F-1',
    drcId: 'drc1',
    roId: 'ro',
    tasks: [],
    promises: [],
    nextFollowUpOn: null,
    closedAt: null,
    ...overrides,
  });
}

describe('reminders before promises and follow-ups fall due', () => {
  it('reminds 24 hours before the due date of each open promise and of the next follow-up', () => {
    const c = aCase({
      promises: [
        promise('P1', '2026-11-25'),
        promise('P2', '2026-11-22', 'kept'),
        promise('P3', '2026-11-21', 'broken'),
      ],
      nextFollowUpOn: '2026-11-28',
    });
    expect(followUpItems(c).map((i) => [i.key, i.kind, i.at])).toEqual([
      ['promise:P1', 'promise_due', '2026-11-24T00:00:00.000Z'],
      ['followup:2026-11-28', 'follow_up_due', '2026-11-27T00:00:00.000Z'],
      // A follow-up date that passes makes the case late from the next day: escalations follow (below).
      ['escalation1:2026-11-29T00:00:00.000Z', 'escalation', '2026-12-02T00:00:00.000Z'],
      ['escalation2:2026-11-29T00:00:00.000Z', 'escalation', '2026-12-06T00:00:00.000Z'],
    ]);
    expect(followUpItems(c)[0]!.vars).toMatchObject({ account: c.accountNumber, caseId: 'F-1', due: '2026-11-25' });
  });

  it('the lead time is configuration', () => {
    const c = aCase({ promises: [promise('P1', '2026-11-25')] });
    const config: FollowUpConfig = { ...DEFAULT_FOLLOW_UPS, reminderLeadHours: 6 };
    expect(followUpItems(c, config)[0]!.at).toBe('2026-11-24T18:00:00.000Z');
  });

  it('a closed case has no follow-ups at all', () => {
    const c = aCase({ promises: [promise('P1', '2026-11-25')], tasks: [task('t1', T0)], closedAt: T0 });
    expect(followUpItems(c)).toEqual([]);
  });
});

describe('escalation: the DRC admin after 3 days, then the recovery officers after 7', () => {
  it('counts from the oldest open to-do (its due time, else when it was raised)', () => {
    const c = aCase({
      tasks: [
        task('t1', days(2)),
        task('t2', T0, { dueAt: days(1) }),
        task('t3', days(-5), { status: 'done', doneAt: days(-4) }),
      ],
    });
    expect(overdueSince(c)).toBe(days(1));
    const escalations = followUpItems(c).filter((i) => i.kind === 'escalation');
    expect(escalations.map((i) => [i.level, i.at, i.vars.days, i.vars.since])).toEqual([
      [1, days(4), '3', '2026-11-21'],
      [2, days(8), '7', '2026-11-21'],
    ]);
  });

  it('nothing open, nothing late: no escalation', () => {
    expect(overdueSince(aCase({ tasks: [task('t1', T0, { status: 'done', doneAt: T0 })] }))).toBeNull();
    expect(followUpItems(aCase()).filter((i) => i.kind === 'escalation')).toEqual([]);
  });

  it('the thresholds are configuration', () => {
    const c = aCase({ tasks: [task('t1', T0)] });
    const items = followUpItems(c, { reminderLeadHours: 24, drcAdminAfterDays: 1, officerAfterDays: 10 });
    expect(items.map((i) => [i.level, i.at])).toEqual([
      [1, days(1)],
      [2, days(10)],
    ]);
  });

  it('reaches the DRC admin at day 3 and the recovery officers at day 7, once each', () => {
    const audiences: Partial<Record<Audience, UserRecipient[]>> = {
      case_drc_admin: [
        { uid: 'drc', displayName: 'D', email: 'd@x.lk', prefs: { ...DEFAULT_PREFERENCES, quietHours: null } },
      ],
      recovery_officer: [
        { uid: 'officer', displayName: 'O', email: 'o@x.lk', prefs: { ...DEFAULT_PREFERENCES, quietHours: null } },
      ],
      case_ro: [{ uid: 'ro', displayName: 'R', email: null, prefs: { ...DEFAULT_PREFERENCES, quietHours: null } }],
    };
    let schedule: FollowUpSchedule = nextSchedule(aCase({ tasks: [task('t1', T0)] }), null);
    // What the scheduled run does: the due items become events, then they are marked sent.
    const run = (now: string) => {
      const due = dueItems(schedule, now);
      schedule = { ...schedule, sent: [...schedule.sent, ...due.map((i) => i.key)] };
      schedule = { ...schedule, nextAt: nextAtOf(schedule.items, schedule.sent) };
      return due.flatMap((item) => {
        const event: NotifyEvent = {
          id: `sched:F-1:${item.key}`,
          kind: item.kind,
          at: item.at,
          caseFacts: schedule.facts,
          vars: item.vars,
          level: item.level,
        };
        return planNotifications(event, audiences, now).inbox.map((i) => i.uid);
      });
    };
    expect(schedule.nextAt).toBe(days(3));
    expect(run(days(2.9))).toEqual([]);
    expect(run(days(3))).toEqual(['drc']);
    expect(run(days(5))).toEqual([]);
    expect(schedule.nextAt).toBe(days(7));
    expect(run(days(7))).toEqual(['officer']);
    expect(run(days(30))).toEqual([]);
    expect(schedule.nextAt).toBeNull();
  });
});

describe('the schedule after a change', () => {
  it('keeps what was sent for items that still exist and drops a resolved cause', () => {
    const late = aCase({ tasks: [task('t1', T0)], promises: [promise('P1', '2026-11-25')] });
    const first = nextSchedule(late, null);
    expect(first.nextAt).toBe('2026-11-23T04:00:00.000Z');
    const sent = [`escalation1:${T0}`, 'promise:P0-gone'];
    const after = nextSchedule(late, { sent });
    expect(after.sent).toEqual([`escalation1:${T0}`]);
    expect(after.nextAt).toBe('2026-11-24T00:00:00.000Z');
    const resolved = nextSchedule({ ...late, tasks: [{ ...late.tasks[0]!, status: 'done', doneAt: days(1) }] }, after);
    expect(resolved.items.map((i) => i.key)).toEqual(['promise:P1']);
    expect(resolved.sent).toEqual([]);
    expect(resolved.facts).toMatchObject({ caseId: 'F-1', roId: 'ro', drcId: 'drc1' });
  });

  it('property: items become due in time order, once each, and nextAt is always the earliest unsent item', () => {
    const config = fc
      .tuple(fc.integer({ min: 0, max: 72 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 20 }))
      .map(([reminderLeadHours, a, b]) => ({ reminderLeadHours, drcAdminAfterDays: a, officerAfterDays: a + b }));
    const offsets = fc.array(fc.integer({ min: -10, max: 20 }), { maxLength: 4 });
    fc.assert(
      fc.property(
        config,
        offsets,
        offsets,
        fc.array(fc.double({ min: 0, max: 40, noNaN: true })),
        (cfg, p, t, steps) => {
          const c = aCase({
            promises: p.map((d, i) => promise(`P${i}`, days(d).slice(0, 10))),
            tasks: t.map((d, i) => task(`t${i}`, days(d))),
          });
          let s = nextSchedule(c, null, cfg);
          const levels = s.items.filter((i) => i.kind === 'escalation');
          if (levels.length) expect(levels[0]!.at < levels[1]!.at).toBe(true);
          let now = days(-15);
          const seen: string[] = [];
          for (const step of [...steps, 100]) {
            now = days(step, now);
            const due = dueItems(s, now);
            for (const item of due) {
              expect(item.at <= now).toBe(true);
              expect(seen).not.toContain(item.key);
            }
            seen.push(...due.map((i) => i.key));
            s = { ...s, sent: [...s.sent, ...due.map((i) => i.key)] };
            s = { ...s, nextAt: nextAtOf(s.items, s.sent) };
            if (s.nextAt !== null) {
              expect(s.nextAt > now).toBe(true);
              expect(s.nextAt).toBe(
                s.items
                  .filter((i) => !s.sent.includes(i.key))
                  .map((i) => i.at)
                  .sort()[0],
              );
            }
          }
          // After the last, far step everything has gone out.
          expect(seen.sort()).toEqual(s.items.map((i) => i.key).sort());
          expect(s.nextAt).toBeNull();
        },
      ),
    );
  });
});

describe('the morning digest', () => {
  it('one line per kind, the most frequent first, ties by name', () => {
    expect(
      digestSummary(['case_overdue', 'promise_due', 'case_overdue', 'approval_needed', 'promise_due', 'case_overdue']),
    ).toBe('3 × case overdue\n2 × promise due\n1 × approval needed');
  });

  it('uses the labels given, and is empty with nothing to say', () => {
    expect(digestSummary(['escalation'], { escalation: 'Escalated' })).toBe('1 × Escalated');
    expect(digestSummary([])).toBe('');
    // Equal counts: by kind name, whatever order they came in.
    expect(digestSummary(['promise_due', 'escalation', 'case_overdue'])).toBe(
      '1 × case overdue\n1 × escalation\n1 × promise due',
    );
  });

  it('its template renders the count and the summary for the user', () => {
    const plan = planNotifications(
      {
        id: 'digest:u1:2026-11-23',
        kind: 'digest',
        at: T0,
        caseFacts: null,
        users: ['u1'],
        vars: { count: '3', summary: digestSummary(['case_overdue', 'case_overdue', 'promise_due']) },
      },
      {
        named: [
          { uid: 'u1', displayName: 'Uma', email: 'u1@x.lk', prefs: { ...DEFAULT_PREFERENCES, quietHours: null } },
        ],
      },
      T0,
    );
    expect(plan.inbox).toEqual([]);
    expect(plan.deliveries.map((d) => [d.channel, d.subject, d.body])).toEqual([
      ['email', 'DebtX: your day (3 items)', 'Good morning Uma. Since yesterday:\n2 × case overdue\n1 × promise due'],
    ]);
  });
});
