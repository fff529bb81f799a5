import { useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '../../../functions/src/domain/contracts/types';
import { FormOk } from '../forms/FormFeedback';
import { t } from '../i18n/t';
import { ActionForm } from './ActionForm';
import { ManualTransitionForm } from './ManualTransitionForm';
import { labelText } from '../i18n/labels';

const MANUAL = 'manual';

/**
 * What the caller may record on the case now: a short list of buttons, one per result of each action, and the
 * form of the one chosen in its place (one form at a time, with a way back). After a request is applied the list
 * comes back with its success note; a refusal keeps the form open with what was typed.
 */
export function ActionsPanel({ detail }: { detail: CaseDetail }) {
  const [applied, setApplied] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  // The button a form was opened from, to put the focus back on when the list returns.
  const returnTo = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const { case: c, actions, manualTargets, assignableRos } = detail;
  const formKeys = [
    ...actions.flatMap((a) => a.results.map((r) => `${a.code}/${r.code}`)),
    ...(manualTargets.length ? [MANUAL] : []),
  ];
  // The case may move on while a form is open (live updates): a form it no longer offers closes.
  const open = chosen && formKeys.includes(chosen) ? chosen : null;
  const choices = {
    assignableRos,
    cpe: c.cpe,
    roRequests: (c.roRequests ?? []).filter((r) => r.state === 'pending'),
    payments: c.payments.filter((p) => !p.reversedAt),
  };

  // Focus follows the swap, so a keyboard or screen reader user lands on what replaced what they chose.
  useEffect(() => {
    if (open) {
      backRef.current?.focus();
      return;
    }
    if (!returnTo.current) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-form="${returnTo.current}"]`);
    (button ?? listRef.current?.querySelector<HTMLButtonElement>('button'))?.focus();
    returnTo.current = null;
  }, [open]);

  const choose = (form: string) => {
    setApplied(null);
    returnTo.current = form;
    setChosen(form);
  };
  const back = () => setChosen(null);
  const done = (note: string) => {
    setApplied(note);
    setChosen(null);
  };

  const openAction = open && open !== MANUAL ? actions.find((a) => open.startsWith(`${a.code}/`)) : undefined;
  const openResult = openAction?.results.find((r) => open === `${openAction.code}/${r.code}`);

  return (
    <section className="actions" aria-labelledby="actions-title" data-testid="actions">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {open ? (
        <div className="action-open">
          <button
            ref={backRef}
            type="button"
            className="secondary back-button"
            data-testid="actions-back"
            onClick={back}
          >
            ← {t('actions.back')}
          </button>
          {openAction && openResult && (
            <ActionForm
              key={open}
              caseId={c.id}
              rev={c.rev}
              action={openAction}
              result={openResult}
              nextStatus={openResult.next ? detail.labels.statuses[openResult.next] : undefined}
              choices={choices}
              okNote={undefined}
              onApplied={done}
            />
          )}
          {open === MANUAL && (
            <ManualTransitionForm
              caseId={c.id}
              rev={c.rev}
              targets={manualTargets}
              okNote={undefined}
              onApplied={done}
            />
          )}
        </div>
      ) : (
        <div className="action-list" ref={listRef}>
          {applied && <FormOk text={applied} />}
          {formKeys.length === 0 ? <p>{t('actions.none')}</p> : <p className="hint">{t('actions.choose')}</p>}
          {actions.map((action) => (
            <section key={action.code} className="action-group" aria-labelledby={`action-${action.code}-title`}>
              <h3 id={`action-${action.code}-title`}>{labelText(action)}</h3>
              <ul className="action-buttons">
                {action.results.map((result) => {
                  const form = `${action.code}/${result.code}`;
                  return (
                    <li key={form}>
                      <button
                        type="button"
                        className="secondary"
                        data-form={form}
                        data-testid={`choose-${action.code}-${result.code}`}
                        onClick={() => choose(form)}
                      >
                        {labelText(result)}
                        <span className="visually-hidden"> ({labelText(action)})</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          {manualTargets.length > 0 && (
            <ul className="action-buttons">
              <li>
                <button
                  type="button"
                  className="secondary"
                  data-form={MANUAL}
                  data-testid="choose-manual-transition"
                  onClick={() => choose(MANUAL)}
                >
                  {t('manual.title')}
                </button>
              </li>
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
