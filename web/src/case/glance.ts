import type { CaseView } from '../../../functions/src/domain/contracts/types';
import type { CaseTask, PromiseToPay } from '../../../functions/src/domain/model/case';

/** What the case asks for next: an open to-do, or the follow-up date the last contact set. */
export type NextStep =
  { kind: 'todo'; task: CaseTask; at: string; overdue: boolean } | { kind: 'followUp'; date: string; overdue: boolean };

const startOfDay = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/**
 * The earliest of the open to-dos and the next follow-up. A to-do counts from when it is due, or from when it was
 * raised if it has no due date (it is waiting already); on the same moment the to-do comes first.
 */
export function nextStep(c: Pick<CaseView, 'tasks' | 'nextFollowUpOn' | 'closedAt'>, now: number): NextStep | null {
  if (c.closedAt) return null;
  const candidates: { step: NextStep; when: number }[] = (c.tasks ?? [])
    .filter((task) => task.status === 'open')
    .map((task) => {
      const at = task.dueAt ?? task.raisedAt;
      return {
        step: { kind: 'todo', task, at, overdue: !!task.dueAt && Date.parse(task.dueAt) < now },
        when: Date.parse(at),
      };
    });
  if (c.nextFollowUpOn) {
    const when = startOfDay(c.nextFollowUpOn);
    // A follow-up is late once its whole day has passed.
    const overdue = when + 24 * 3600_000 <= now;
    candidates.push({ step: { kind: 'followUp', date: c.nextFollowUpOn, overdue }, when });
  }
  const ordered = candidates
    .map((candidate, index) => ({ ...candidate, index }))
    .sort((a, b) => a.when - b.when || a.index - b.index);
  return ordered[0]?.step ?? null;
}

/** The promise to pay still open (the one due first, should there be more than one). */
export function openPromise(c: Pick<CaseView, 'promises'>): PromiseToPay | null {
  const open = (c.promises ?? []).filter((p) => p.status === 'open');
  return open.sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0] ?? null;
}

/** The number as a `tel:`/`sms:` address wants it: digits and a leading plus, no spaces or dashes. */
export function dialable(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** The customer's distinct numbers, the main one first; blanks left out. */
export function phonesOf(customer: Pick<CaseView['customer'], 'phone' | 'altPhone'>): string[] {
  const numbers = [customer.phone, customer.altPhone ?? ''].filter((n) => dialable(n).length > 0);
  return numbers.filter((n, i) => numbers.findIndex((m) => dialable(m) === dialable(n)) === i);
}
