import { FirebaseError } from 'firebase/app';
import { useState, type FormEvent } from 'react';
import type { CaseTypeView, SaveCaseTypeOutput } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { call } from '../api/call';
import { describeError } from '../data/describeError';
import { Field } from '../forms/Field';
import { t } from '../i18n/t';

/** A starting point: the case type's identity with the next version; the rest comes from the configs folder. */
export function skeletonFor(view: CaseTypeView, nextVersion: number): string {
  const skeleton = {
    id: view.id,
    version: nextVersion,
    name: view.name,
    description: view.description,
    category: view.category,
    level: view.level,
    readings: [],
    settings: {},
    statuses: [],
    transitions: [],
    actions: [],
  };
  return JSON.stringify(skeleton, null, 2);
}

/** The problems a refused configuration came back with (`details.problems` of the function's error). */
function problemsOf(error: unknown): string[] {
  if (!(error instanceof FirebaseError) || !('details' in error)) return [];
  const details: unknown = error.details;
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const problems: unknown = details.problems;
  return Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
}

type SaveState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saved'; saved: SaveCaseTypeOutput }
  | { status: 'failed'; message: string; problems: string[] };

interface SaveCaseTypeFormProps {
  view: CaseTypeView;
  nextVersion: number;
  /** Called after a save, to fetch the list again. */
  onSaved: () => void;
}

/** Admins: paste or edit a whole configuration and save it as the next version; refusals list every problem. */
export function SaveCaseTypeForm({ view, nextVersion, onSaved }: SaveCaseTypeFormProps) {
  const [text, setText] = useState(() => skeletonFor(view, nextVersion));
  const [state, setState] = useState<SaveState>({ status: 'idle' });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ status: 'failed', message: t('caseType.save.badJson', { message }), problems: [] });
      return;
    }
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      setState({ status: 'failed', message: t('caseType.save.notObject'), problems: [] });
      return;
    }
    setState({ status: 'pending' });
    try {
      const saved = await call('saveCaseType', { config: config as Record<string, unknown> });
      setState({ status: 'saved', saved });
      onSaved();
    } catch (error) {
      const problems = problemsOf(error);
      const refused = problems.length > 0 && error instanceof FirebaseError && error.code.endsWith('invalid-argument');
      // The function's message repeats every problem on one line; the list below is easier to read.
      const message = refused ? t('caseType.save.invalid') : describeError(error).message;
      setState({ status: 'failed', message, problems });
    }
  };

  const error = state.status === 'failed' ? state.message : undefined;
  return (
    <section aria-labelledby="case-type-save-title" className="save-case-type">
      <h2 id="case-type-save-title">{t('caseType.save.title')}</h2>
      <form className="card" onSubmit={onSubmit} noValidate>
        <Field id="case-type-json" name="config" label={t('caseType.save.json')} hint={t('caseType.save.hint')}>
          <textarea
            id="case-type-json"
            aria-invalid={error ? true : undefined}
            aria-describedby={`case-type-json-hint${error ? ' case-type-save-error' : ''}`}
            data-testid="case-type-json"
            className="json-input"
            rows={16}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <button type="submit" data-testid="case-type-save" disabled={state.status === 'pending'}>
          {state.status === 'pending' ? t('caseType.save.pending') : t('caseType.save.submit')}
        </button>
        <div aria-live="polite">
          {state.status === 'failed' && (
            <div className="form-error" role="alert" id="case-type-save-error" data-testid="case-type-save-error">
              <p>{state.message}</p>
              {state.problems.length > 0 && (
                <ul className="problems" data-testid="case-type-problems">
                  {state.problems.map((problem, i) => (
                    <li key={i}>{problem}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {state.status === 'saved' && (
            <p className="form-ok" data-testid="case-type-saved">
              {t('caseType.save.saved', { id: state.saved.id, version: state.saved.version })}{' '}
              <a href={hrefFor({ page: 'caseType', caseTypeId: state.saved.id, version: state.saved.version })}>
                {t('caseTypes.openVersion', { version: state.saved.version })}
              </a>
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
