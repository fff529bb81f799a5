import { useState, type FormEvent } from 'react';
import type { CaseView } from '../../../functions/src/domain/contracts/types';
import type { CaseTask } from '../../../functions/src/domain/model/case';
import { Field, describedBy } from '../forms/Field';
import { FormError, FormOk } from '../forms/FormFeedback';
import { useRequestSubmit } from '../forms/useRequestSubmit';
import { formatInstant } from '../format/time';
import { t } from '../i18n/t';
import { todoTitle } from './timelineText';

interface CaseTodosProps {
  c: CaseView;
  /** Whether the caller may mark to-dos done (the life cycle may still refuse, and says why by the item). */
  canComplete: boolean;
}

/** The case's to-dos, in the order they were raised; open ones can be marked done, with a note. */
export function CaseTodos({ c, canComplete }: CaseTodosProps) {
  const [applied, setApplied] = useState<string | null>(null);
  const tasks = c.tasks ?? [];
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="todos-title" className="todos" data-testid="todos">
      <h2 id="todos-title">{t('todos.title')}</h2>
      {applied && <FormOk text={applied} />}
      <ol className="todo-list">
        {tasks.map((task, index) => (
          <TodoItem
            key={task.id}
            caseId={c.id}
            rev={c.rev}
            task={task}
            index={index}
            canComplete={canComplete && !c.closedAt}
            onApplied={setApplied}
          />
        ))}
      </ol>
    </section>
  );
}

interface TodoItemProps {
  caseId: string;
  rev: number;
  task: CaseTask;
  index: number;
  canComplete: boolean;
  onApplied(note: string): void;
}

function TodoItem({ caseId, rev, task, index, canComplete, onApplied }: TodoItemProps) {
  const { state, submit } = useRequestSubmit();
  const [notes, setNotes] = useState('');
  // Applied, but the case has not come back with the to-do done yet: no second "Mark done".
  const [marked, setMarked] = useState(false);
  const done = task.status === 'done' || marked;
  const overdue = !done && !!task.dueAt && Date.parse(task.dueAt) < Date.now();
  const formId = `todo-${index}`;
  const title = todoTitle(task);
  const notesError = state.status === 'failed' ? state.error.fields.notes : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const applied = await submit({
      type: 'completeTask',
      caseId,
      payload: { taskId: task.id, notes: notes.trim(), expectedRev: rev },
    });
    if (applied) {
      setMarked(true);
      setNotes('');
      onApplied(t('todos.marked', { label: title }));
    }
  };

  return (
    <li className={`todo${done ? ' todo-done' : ''}`} data-testid={`todo-${index}`}>
      <p className="todo-head">
        <strong className="todo-label">{title}</strong>{' '}
        <span className={`badge${done ? '' : ' badge-open'}`} data-testid={`todo-status-${index}`}>
          {done
            ? task.doneAt
              ? t('todos.doneAt', { at: formatInstant(task.doneAt) })
              : t('todos.done')
            : t('todos.open')}
        </span>{' '}
        {overdue && <span className="badge badge-warn">{t('todos.overdue')}</span>}
      </p>
      <p className="todo-meta">
        <span>{t('todos.raised', { at: formatInstant(task.raisedAt) })}</span>
        {' · '}
        <span>{task.dueAt ? t('todos.due', { at: formatInstant(task.dueAt) }) : t('todos.noDue')}</span>
      </p>
      {!done && canComplete && (
        <form className="todo-form" onSubmit={onSubmit} noValidate aria-label={`${t('todos.markDone')}: ${title}`}>
          <Field id={`${formId}-notes`} name="notes" label={t('todos.note')} required={false} error={notesError}>
            <input
              {...describedBy(`${formId}-notes`, notesError, undefined)}
              data-testid={`todo-note-${index}`}
              type="text"
              autoComplete="off"
              maxLength={2000}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </Field>
          <button type="submit" data-testid={`todo-done-${index}`} disabled={state.status === 'pending'}>
            {state.status === 'pending' ? t('form.pending') : t('todos.markDone')}
            <span className="visually-hidden">: {title}</span>
          </button>
          {state.status === 'failed' && (
            <FormError error={state.error} shownFields={['notes']} testId={`todo-error-${index}`} />
          )}
        </form>
      )}
    </li>
  );
}
