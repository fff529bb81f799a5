import { useState } from 'react';
import type { CaseDetail } from '../../../functions/src/domain/contracts/types';
import { FormOk } from '../forms/FormFeedback';
import { t } from '../i18n/t';
import { ActionForm } from './ActionForm';
import { ManualTransitionForm } from './ManualTransitionForm';
import { labelText } from '../i18n/labels';

const MANUAL = 'manual';

/**
 * Every form the caller may use on the case now. The success note of the last applied request
 * is shown in its form, or above the forms when that form went away (the case moved on).
 */
export function ActionsPanel({ detail }: { detail: CaseDetail }) {
  const [applied, setApplied] = useState<{ form: string; note: string } | null>(null);
  const { case: c, actions, manualTargets, assignableRos } = detail;
  const formKeys = [
    ...actions.flatMap((a) => a.results.map((r) => `${a.code}/${r.code}`)),
    ...(manualTargets.length ? [MANUAL] : []),
  ];
  const noteFor = (form: string) => (applied?.form === form ? applied.note : undefined);
  const choices = {
    assignableRos,
    cpe: c.cpe,
    roRequests: (c.roRequests ?? []).filter((r) => r.state === 'pending'),
    payments: c.payments.filter((p) => !p.reversedAt),
  };

  return (
    <section className="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {applied && !formKeys.includes(applied.form) && <FormOk text={applied.note} />}
      {formKeys.length === 0 && <p>{t('actions.none')}</p>}
      {actions.map((action) => (
        <section key={action.code} className="action" aria-labelledby={`action-${action.code}-title`}>
          <h3 id={`action-${action.code}-title`}>{labelText(action)}</h3>
          {action.results.map((result) => {
            const form = `${action.code}/${result.code}`;
            return (
              <ActionForm
                key={form}
                caseId={c.id}
                rev={c.rev}
                action={action}
                result={result}
                choices={choices}
                okNote={noteFor(form)}
                onApplied={(note) => setApplied({ form, note })}
              />
            );
          })}
        </section>
      ))}
      {manualTargets.length > 0 && (
        <ManualTransitionForm
          caseId={c.id}
          rev={c.rev}
          targets={manualTargets}
          okNote={noteFor(MANUAL)}
          onApplied={(note) => setApplied({ form: MANUAL, note })}
        />
      )}
    </section>
  );
}
