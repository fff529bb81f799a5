import type { CaseDetail, TimelineEntry } from '../../../functions/src/domain/contracts/types';
import type { CaseTask } from '../../../functions/src/domain/model/case';
import { formatLkr } from '../format/money';
import { formatDate } from '../format/time';
import { labelText } from '../i18n/labels';
import { t } from '../i18n/t';

type CaseTypeLabels = CaseDetail['labels'];

/**
 * A timeline line in the reader's language, written from the event's codes (`recordPayment/received`,
 * `manual:WRITTEN_OFF`, `completeTask`), its values and the case type's labels, with the same parts, in the same
 * order, as the English summary the server keeps for API clients (functions/src/domain/lifecycle/describe.ts).
 * An event the case type does not describe (registration, placement, an older event) shows that summary.
 */
export function timelineText(entry: TimelineEntry, labels: CaseTypeLabels, tasks: CaseTask[]): string {
  const status = (code: string) => {
    const s = labels.statuses[code];
    return s ? labelText(s) : code;
  };
  const v = entry.values ?? {};
  const parts: string[] = [];
  if (entry.action.startsWith('manual:')) {
    parts.push(t('timeline.movedTo', { status: status(entry.action.slice('manual:'.length)) }));
  } else if (entry.action === 'completeTask') {
    const task = tasks.find((x) => x.id === v.taskId);
    if (!task) return entry.summary;
    parts.push(t('timeline.taskDone', { task: todoTitle(task) }));
  } else {
    const [actionCode, resultCode] = entry.action.split('/');
    const action = actionCode ? labels.actions[actionCode] : undefined;
    const result = resultCode ? action?.results[resultCode] : undefined;
    if (!action || !result) return entry.summary;
    parts.push(`${labelText(action)}: ${labelText(result)}`);
  }
  const amount = typeof v.amountCents === 'number' ? formatLkr(v.amountCents) : null;
  if (amount) parts.push(amount);
  if (typeof v.agreedCents === 'number') {
    parts.push(t('timeline.settlement', { amount: formatLkr(v.agreedCents), count: String(v.instalments ?? '') }));
  }
  if (!amount && typeof v.reference === 'string') parts.push(t('timeline.payment', { reference: v.reference }));
  if (typeof v.days === 'number') parts.push(t('timeline.days', { count: v.days }));
  if (typeof v.hearingDate === 'string') parts.push(t('timeline.hearing', { date: formatDate(v.hearingDate) }));
  // What a person wrote stays in their words.
  if (typeof v.reason === 'string' && v.reason) parts.push(v.reason);
  if (typeof v.note === 'string' && v.note) parts.push(`“${v.note}”`);
  if (typeof v.notes === 'string' && v.notes) parts.push(`“${v.notes}”`);
  if (entry.transitions.length > 0) {
    parts.push(entry.transitions.map((tr) => `${status(tr.from)} → ${status(tr.to)}`).join(', '));
  }
  return parts.join(' · ');
}

/**
 * A to-do's title in the reader's language: its configured label (kept on the to-do when it was raised) and what the
 * monitor added, from its values. A to-do raised before translations shows its English title.
 */
export function todoTitle(task: CaseTask): string {
  if (!task.labels) return task.label;
  const label = labelText({ label: task.baseLabel ?? task.label, labels: task.labels });
  const d = task.detail;
  if (!d) return label;
  const date = formatDate(d.date);
  switch (d.kind) {
    case 'instalment':
      return t('todos.detail.instalment', { label, seq: d.seq, date });
    case 'hearing':
      return t('todos.detail.hearing', { label, date });
    case 'date':
      return t('todos.detail.date', { label, date });
    case 'validUntil':
      return t('todos.detail.validUntil', { label, date });
  }
}
