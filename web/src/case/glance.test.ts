import { describe, expect, it } from 'vitest';
import type { CaseTask, PromiseToPay } from '../../../functions/src/domain/model/case';
import { dialable, nextStep, openPromise, phonesOf } from './glance';

const NOW = Date.parse('2026-12-05T06:00:00Z');

function task(id: string, over: Partial<CaseTask> = {}): CaseTask {
  return {
    id,
    type: 'call',
    label: `To-do ${id}`,
    status: 'open',
    raisedAt: '2026-12-01T08:00:00Z',
    dueAt: null,
    doneAt: null,
    ...over,
  };
}

function promise(id: string, dueDate: string, status: PromiseToPay['status'] = 'open'): PromiseToPay {
  return {
    id,
    amountCents: 500_000,
    dueDate,
    madeAt: '2026-12-01T08:00:00Z',
    paidAtMadeCents: 0,
    status,
    decidedAt: null,
  };
}

describe('nextStep', () => {
  it('is nothing on a closed case or a case with nothing open', () => {
    expect(
      nextStep({ tasks: [task('a')], nextFollowUpOn: '2026-12-09', closedAt: '2026-12-02T00:00:00Z' }, NOW),
    ).toBeNull();
    expect(nextStep({ tasks: [task('a', { status: 'done' })], nextFollowUpOn: null, closedAt: null }, NOW)).toBeNull();
  });

  it('takes the follow-up when it comes before every open to-do', () => {
    const step = nextStep(
      { tasks: [task('a', { dueAt: '2026-12-20T00:00:00Z' })], nextFollowUpOn: '2026-12-08', closedAt: null },
      NOW,
    );
    expect(step).toEqual({ kind: 'followUp', date: '2026-12-08', overdue: false });
  });

  it('takes the to-do due first, skipping done ones, and says when it is overdue', () => {
    const step = nextStep(
      {
        tasks: [
          task('done', { status: 'done', dueAt: '2026-11-01T00:00:00Z' }),
          task('later', { dueAt: '2026-12-07T00:00:00Z' }),
          task('first', { dueAt: '2026-12-04T00:00:00Z' }),
        ],
        nextFollowUpOn: '2026-12-06',
        closedAt: null,
      },
      NOW,
    );
    expect(step).toMatchObject({ kind: 'todo', task: { id: 'first' }, overdue: true });
  });

  it('counts a to-do without a due date from when it was raised', () => {
    const step = nextStep({ tasks: [task('undated')], nextFollowUpOn: '2026-12-06', closedAt: null }, NOW);
    expect(step).toMatchObject({ kind: 'todo', task: { id: 'undated' }, at: '2026-12-01T08:00:00Z', overdue: false });
  });

  it('calls a follow-up late only once its day has passed', () => {
    expect(nextStep({ tasks: [], nextFollowUpOn: '2026-12-05', closedAt: null }, NOW)).toMatchObject({
      overdue: false,
    });
    expect(nextStep({ tasks: [], nextFollowUpOn: '2026-12-04', closedAt: null }, NOW)).toMatchObject({ overdue: true });
  });
});

describe('openPromise', () => {
  it('is the open promise due first, never a kept or broken one', () => {
    expect(openPromise({ promises: [promise('kept', '2026-11-01', 'kept')] })).toBeNull();
    const shown = openPromise({
      promises: [
        promise('broken', '2026-11-01', 'broken'),
        promise('late', '2026-12-20'),
        promise('soon', '2026-12-10'),
      ],
    });
    expect(shown?.id).toBe('soon');
  });
});

describe('phone links', () => {
  it('keep the digits and a leading plus', () => {
    expect(dialable('+94 77 123-4567')).toBe('+94771234567');
    expect(dialable(' 077 123 4567 ')).toBe('0771234567');
  });

  it('list each number once, the main one first, without blanks', () => {
    expect(phonesOf({ phone: '+94 77 123 4567', altPhone: '+94771234567' })).toEqual(['+94 77 123 4567']);
    expect(phonesOf({ phone: '0771234567', altPhone: '0112345678' })).toEqual(['0771234567', '0112345678']);
    expect(phonesOf({ phone: '', altPhone: null })).toEqual([]);
  });
});
