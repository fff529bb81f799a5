import { useMemo, useState, type FormEvent } from 'react';
import type { BulkOperationResult, Me } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { invalidateLive } from '../data/queries';
import { describeError, type ShownError } from '../data/describeError';
import { Field, describedBy } from '../forms/Field';
import { FormError } from '../forms/FormFeedback';
import { t } from '../i18n/t';

type Kind = 'recall' | 'replace' | 'move' | 'reassignRo';
const SHOWN = ['caseIds', 'reason', 'toDrcId', 'toRoId'];

/** Splits what was typed into case ids: spaces, commas and new lines all separate. */
export function parseCaseIds(text: string): string[] {
  return Array.from(new Set(text.split(/[\s,;]+/).filter(Boolean)));
}

function newOperationId(): string {
  return `op-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Recall and reassignment: officers recall cases (optionally placing them elsewhere) or move them to a DRC; a DRC
 * admin moves cases between their ROs. One operation id per submission, kept while the input is unchanged, so
 * pressing Apply again after a network failure repeats nothing.
 */
export function AssignmentPage({ me }: { me: Me }) {
  const isDrc = me.role === 'drc_admin';
  const [kind, setKind] = useState<Kind>(isDrc ? 'reassignRo' : 'recall');
  const [caseText, setCaseText] = useState('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [result, setResult] = useState<BulkOperationResult | null>(null);
  const inputKey = `${kind}|${caseText}|${target}|${reason}`;
  const [op, setOp] = useState({ key: inputKey, id: newOperationId() });
  const operationId = op.key === inputKey ? op.id : null;
  const caseIds = useMemo(() => parseCaseIds(caseText), [caseText]);
  const errors = failure?.fields ?? {};

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const id = operationId ?? newOperationId();
    setOp({ key: inputKey, id });
    setPending(true);
    setFailure(null);
    try {
      const base = { operationId: id, caseIds, reason: reason.trim() };
      const out =
        kind === 'recall' || kind === 'replace'
          ? await call('recallCases', { ...base, replace: kind === 'replace' })
          : kind === 'move'
            ? await call('reassignCases', { ...base, toDrcId: target.trim() })
            : await call('reassignCases', { ...base, toRoId: target.trim() });
      setResult(out);
      // The moved cases show in the lists at once (on the full stack the listeners would also see it).
      void invalidateLive();
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  };

  const needsTarget = kind === 'move' || kind === 'reassignRo';
  return (
    <section aria-labelledby="assignment-title" className="assignment-page">
      <h1 id="assignment-title">{t('assignment.title')}</h1>
      <p>{isDrc ? t('assignment.introDrc', { drcId: me.drcId ?? '' }) : t('assignment.introOfficer')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="assignment-form">
        {!isDrc && (
          <Field id="assignment-kind" name="kind" label={t('assignment.kind')}>
            <select
              id="assignment-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              data-testid="assignment-kind"
            >
              <option value="recall">{t('assignment.kind.recall')}</option>
              <option value="replace">{t('assignment.kind.replace')}</option>
              <option value="move">{t('assignment.kind.move')}</option>
            </select>
          </Field>
        )}
        <Field
          id="assignment-cases"
          name="caseIds"
          label={t('assignment.caseIds')}
          hint={t('assignment.caseIdsHint')}
          error={errors.caseIds}
        >
          <textarea
            {...describedBy('assignment-cases', errors.caseIds, t('assignment.caseIdsHint'))}
            rows={4}
            value={caseText}
            onChange={(e) => setCaseText(e.target.value)}
            data-testid="assignment-cases"
          />
        </Field>
        {needsTarget && (
          <Field
            id="assignment-target"
            name={kind === 'move' ? 'toDrcId' : 'toRoId'}
            label={kind === 'move' ? t('assignment.toDrcId') : t('assignment.toRoId')}
            error={errors.toDrcId ?? errors.toRoId}
          >
            <input
              {...describedBy('assignment-target', errors.toDrcId ?? errors.toRoId, undefined)}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              data-testid="assignment-target"
            />
          </Field>
        )}
        <Field id="assignment-reason" name="reason" label={t('assignment.reason')} error={errors.reason}>
          <input
            {...describedBy('assignment-reason', errors.reason, undefined)}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="assignment-reason"
          />
        </Field>
        {failure && <FormError error={failure} shownFields={SHOWN} />}
        <button type="submit" disabled={pending} data-testid="assignment-submit">
          {pending ? t('assignment.pending') : t('assignment.submit')}
        </button>
      </form>
      {result && (
        <div aria-live="polite" data-testid="assignment-results">
          <h2>{t('assignment.results', { applied: result.applied, refused: result.refused })}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('assignment.col.case')}</th>
                <th scope="col">{t('assignment.col.outcome')}</th>
                <th scope="col">{t('assignment.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {result.results.map((r) => (
                <tr key={r.caseId} data-testid={`assignment-result-${r.caseId}`}>
                  <td>
                    <a href={`#/cases/${encodeURIComponent(r.caseId)}`}>{r.caseId}</a>
                  </td>
                  <td>{r.ok ? t('assignment.ok') : t('assignment.refused')}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
