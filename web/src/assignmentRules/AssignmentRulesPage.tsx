import { useState, type FormEvent } from 'react';
import type {
  AssignmentPolicyView,
  DrcPolicyView,
  Me,
  RoAssignmentModeName,
} from '../../../functions/src/domain/contracts/types';
import { describeError, type ShownError } from '../data/describeError';
import { useFormSource } from '../data/queries';
import { call } from '../api/call';
import { formatInstant } from '../format/time';
import { Field, describedBy } from '../forms/Field';
import { FormError, FormOk, PageLoading } from '../forms/FormFeedback';
import { flatErrors, showServerErrors, useOperationForm } from '../forms/useOperationForm';
import { t, tOr } from '../i18n/t';
import {
  ACTIONS,
  TIERS,
  amountProblems,
  draftOf,
  policyInput,
  type DrcDraft,
  type PolicyDraft,
  type PolicyFormValues,
} from './policyForm';
import './assignmentRules.css';

const MODES: RoAssignmentModeName[] = ['manual', 'round_robin', 'least_loaded', 'by_area'];
const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/**
 * The admin screen for assignment: the DRC assignment policy — exclusions, performance bands and
 * each DRC's contract terms — as an administrator edits it (officers and auditors read it), and each DRC's
 * RO assignment mode, which its DRC admin chooses.
 */
export function AssignmentRulesPage({ me }: { me: Me }) {
  const canEdit = me.role === 'admin';
  const [view, setView] = useState<AssignmentPolicyView | null>(null);
  const [saveFailure, setFailure] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const { handleSubmit, watch, setValue, getValues, reset, setError, clearErrors, formState } = useOperationForm<
    'saveAssignmentPolicy',
    PolicyFormValues
  >('saveAssignmentPolicy', {}, policyInput);
  const values = watch();
  // Until the first load the form holds nothing to show.
  const draft: PolicyDraft | null = view && values.drcs ? values : null;
  const pending = formState.isSubmitting;

  const show = (data: AssignmentPolicyView) => {
    setView(data);
    reset({ ...draftOf(data), expectedVersion: data.version });
  };
  const loadFailure = useFormSource('getAssignmentPolicy', {}, show);
  const failure = saveFailure ?? loadFailure;

  const edit = (patch: Partial<PolicyDraft>) => {
    setSaved(false);
    for (const [key, value] of Object.entries(patch)) setValue(key as keyof PolicyDraft, value);
  };
  const editDrc = (index: number, patch: Partial<DrcDraft>) =>
    edit({ drcs: getValues('drcs').map((d, i) => (i === index ? { ...d, ...patch } : d)) });

  const save = handleSubmit(
    async (input) => {
      setFailure(null);
      try {
        show(await call('saveAssignmentPolicy', input));
        setSaved(true);
      } catch (e) {
        // What was typed stays; each error shows beside its field.
        const shown = describeError(e);
        setFailure(shown);
        showServerErrors(setError, shown);
      }
    },
    () => setFailure(null),
  );
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems = Object.entries(amountProblems(getValues()));
    if (problems.length > 0) {
      setFailure(null);
      clearErrors();
      // The contract's paths (drcs.0.minArrearsCents), where the page looks for them, not the form's own names.
      for (const [path, message] of problems) setError(path as keyof PolicyFormValues, { type: 'amount', message });
      return;
    }
    await save(event);
  };

  if (!view || !draft) {
    return <PageLoading id="policy-title" title={t('policy.title')} loading={t('policy.loading')} failure={failure} />;
  }
  const errors = flatErrors(formState.errors);
  // Errors found before sending (not the server's) get the general "correct the marked fields" box.
  const localFailure =
    !failure && Object.keys(errors).length > 0 ? { message: t('policy.fixFields'), fields: errors } : null;
  const shown: string[] = [];
  const err = (path: string) => {
    shown.push(path);
    return errors[path];
  };

  return (
    <section aria-labelledby="policy-title" className="policy-page" data-testid="policy-page">
      <h1 id="policy-title">{t('policy.title')}</h1>
      <p>{canEdit ? t('policy.intro') : me.role === 'drc_admin' ? t('policy.introDrc') : t('policy.introReadOnly')}</p>
      <p className="hint" data-testid="policy-version">
        {t('policy.version', { version: String(view.version) })}
      </p>

      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset disabled={!canEdit} className="policy-rules">
          <legend>{t('policy.rules')}</legend>
          <Field
            id="policy-excluded"
            name="excludedIndicators"
            label={t('policy.excluded')}
            hint={t('policy.excludedHint')}
            error={err('rules.excludedIndicators')}
          >
            <input
              {...describedBy('policy-excluded', errors['rules.excludedIndicators'], t('policy.excludedHint'))}
              value={draft.excludedIndicators}
              onChange={(e) => edit({ excludedIndicators: e.target.value })}
              data-testid="policy-excluded"
            />
          </Field>
          <Field id="policy-held" name="excludeHeld" label={t('policy.excludeHeld')} inline>
            <input
              id="policy-held"
              type="checkbox"
              checked={draft.excludeHeld}
              onChange={(e) => edit({ excludeHeld: e.target.checked })}
            />
          </Field>
          <Field
            id="policy-band"
            name="performanceBand"
            label={t('policy.band')}
            hint={t('policy.bandHint')}
            error={err('rules.performanceBand')}
          >
            <input
              {...describedBy('policy-band', errors['rules.performanceBand'], t('policy.bandHint'))}
              inputMode="decimal"
              value={draft.performanceBand}
              onChange={(e) => edit({ performanceBand: e.target.value })}
              data-testid="policy-band"
            />
          </Field>
          <Field
            id="policy-window"
            name="performanceWindowDays"
            label={t('policy.window')}
            error={err('rules.performanceWindowDays')}
          >
            <input
              {...describedBy('policy-window', errors['rules.performanceWindowDays'], undefined)}
              inputMode="numeric"
              value={draft.performanceWindowDays}
              onChange={(e) => edit({ performanceWindowDays: e.target.value })}
              data-testid="policy-window"
            />
          </Field>
        </fieldset>

        <h2>{t('policy.drcs')}</h2>
        <div className="policy-drcs">
          {draft.drcs.map((d, i) => {
            const stats = view.drcs.find((v): v is DrcPolicyView => v.id === d.id && v.problem === null);
            const p = (field: string) => `drcs.${i}.${field}`;
            const idOf = (field: string) => `policy-${d.id}-${field}`;
            return (
              <fieldset key={d.id} className="card policy-drc" data-testid={`policy-drc-${d.id}`}>
                <legend>{d.name}</legend>
                {stats && (
                  <p className="hint">
                    {t('policy.stats', {
                      open: String(stats.openCases),
                      capacity: String(stats.capacity),
                      rate: percent(stats.recoveryRate),
                    })}
                    {stats.lastAssignedAt &&
                      ` · ${t('policy.lastPlaced', { at: formatInstant(stats.lastAssignedAt) })}`}
                  </p>
                )}
                <fieldset disabled={!canEdit} className="policy-terms">
                  <legend className="visually-hidden">{t('policy.terms', { name: d.name })}</legend>
                  <Field id={idOf('name')} name={p('name')} label={t('policy.name')} error={err(p('name'))}>
                    <input
                      {...describedBy(idOf('name'), errors[p('name')], undefined)}
                      value={d.name}
                      onChange={(e) => editDrc(i, { name: e.target.value })}
                    />
                  </Field>
                  <Field id={idOf('active')} name={p('active')} label={t('policy.active')} inline>
                    <input
                      id={idOf('active')}
                      type="checkbox"
                      checked={d.active}
                      onChange={(e) => editDrc(i, { active: e.target.checked })}
                    />
                  </Field>
                  <fieldset
                    className="policy-actions"
                    aria-describedby={errors[p('actions')] ? `${idOf('actions')}-error` : undefined}
                  >
                    <legend>{t('policy.actions')}</legend>
                    {ACTIONS.map((a) => (
                      <label key={a} className="inline-check">
                        <input
                          type="checkbox"
                          checked={d.actions.includes(a)}
                          data-testid={`${idOf('action')}-${a}`}
                          onChange={(e) =>
                            editDrc(i, {
                              actions: e.target.checked ? [...d.actions, a] : d.actions.filter((x) => x !== a),
                            })
                          }
                        />{' '}
                        {tOr(`requiredAction.${a}`, a)}
                      </label>
                    ))}
                    {err(p('actions')) && (
                      <p
                        className="field-error"
                        id={`${idOf('actions')}-error`}
                        data-testid={`field-error-${p('actions')}`}
                      >
                        {errors[p('actions')]}
                      </p>
                    )}
                  </fieldset>
                  <Field
                    id={idOf('capacity')}
                    name={p('capacity')}
                    label={t('policy.capacity')}
                    error={err(p('capacity'))}
                  >
                    <input
                      {...describedBy(idOf('capacity'), errors[p('capacity')], undefined)}
                      inputMode="numeric"
                      value={d.capacity}
                      onChange={(e) => editDrc(i, { capacity: e.target.value })}
                      data-testid={idOf('capacity')}
                    />
                  </Field>
                  <Field
                    id={idOf('min')}
                    name={p('minArrearsCents')}
                    label={t('policy.minArrears')}
                    required={false}
                    error={err(p('minArrearsCents'))}
                  >
                    <input
                      {...describedBy(idOf('min'), errors[p('minArrearsCents')], undefined)}
                      inputMode="decimal"
                      value={d.minArrears}
                      onChange={(e) => editDrc(i, { minArrears: e.target.value })}
                      data-testid={idOf('min')}
                    />
                  </Field>
                  <Field
                    id={idOf('max')}
                    name={p('maxArrearsCents')}
                    label={t('policy.maxArrears')}
                    required={false}
                    hint={t('policy.maxHint')}
                    error={err(p('maxArrearsCents'))}
                  >
                    <input
                      {...describedBy(idOf('max'), errors[p('maxArrearsCents')], t('policy.maxHint'))}
                      inputMode="decimal"
                      value={d.maxArrears}
                      onChange={(e) => editDrc(i, { maxArrears: e.target.value })}
                      data-testid={idOf('max')}
                    />
                  </Field>
                  <Field
                    id={idOf('regions')}
                    name={p('regions')}
                    label={t('policy.regions')}
                    required={false}
                    hint={t('policy.regionsHint')}
                    error={err(p('regions'))}
                  >
                    <input
                      {...describedBy(idOf('regions'), errors[p('regions')], t('policy.regionsHint'))}
                      value={d.regions}
                      onChange={(e) => editDrc(i, { regions: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={idOf('types')}
                    name={p('caseTypes')}
                    label={t('policy.caseTypes')}
                    required={false}
                    hint={t('policy.caseTypesHint')}
                    error={err(p('caseTypes'))}
                  >
                    <input
                      {...describedBy(idOf('types'), errors[p('caseTypes')], t('policy.caseTypesHint'))}
                      value={d.caseTypes}
                      onChange={(e) => editDrc(i, { caseTypes: e.target.value })}
                    />
                  </Field>
                  <Field id={idOf('tier')} name={p('agencyTier')} label={t('policy.tier')} required={false}>
                    <select
                      id={idOf('tier')}
                      value={d.agencyTier}
                      onChange={(e) => editDrc(i, { agencyTier: e.target.value as DrcDraft['agencyTier'] })}
                    >
                      <option value="">{t('policy.tierNone')}</option>
                      {TIERS.map((tier) => (
                        <option key={tier} value={tier}>
                          {tOr(`policy.tier.${tier}`, tier)}
                        </option>
                      ))}
                    </select>
                  </Field>
                </fieldset>
                {stats && <RoModeControl me={me} drcId={d.id} current={stats.roAssignmentMode} />}
              </fieldset>
            );
          })}
        </div>
        {failure && <FormError error={failure} shownFields={shown} testId="policy-error" />}
        {localFailure && <FormError error={localFailure} shownFields={shown} testId="policy-error" />}
        {saved && <FormOk text={t('policy.saved', { version: String(view.version) })} />}
        {canEdit && (
          <button type="submit" disabled={pending} data-testid="policy-save">
            {pending ? t('policy.saving') : t('policy.save')}
          </button>
        )}
      </form>
    </section>
  );
}

/** How the DRC's cases reach its ROs: its DRC admin (or an administrator) changes it on its own. */
function RoModeControl({ me, drcId, current }: { me: Me; drcId: string; current: RoAssignmentModeName }) {
  const canChange = me.role === 'admin' || (me.role === 'drc_admin' && me.drcId === drcId);
  const [mode, setModeValue] = useState<RoAssignmentModeName>(current);
  const [saved, setSaved] = useState<RoAssignmentModeName>(current);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [pending, setPending] = useState(false);
  const id = `policy-${drcId}-mode`;
  const save = async () => {
    setPending(true);
    setFailure(null);
    try {
      await call('setRoAssignmentMode', me.role === 'admin' ? { mode, drcId } : { mode });
      setSaved(mode);
    } catch (e) {
      setFailure(describeError(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="policy-mode" data-testid={`${id}-control`}>
      <label htmlFor={id}>{t('policy.roMode')}</label>
      <div className="policy-mode-row">
        <select
          id={id}
          value={mode}
          disabled={!canChange}
          onChange={(e) => setModeValue(e.target.value as RoAssignmentModeName)}
          data-testid={id}
        >
          {MODES.map((m) => (
            <option key={m} value={m}>
              {tOr(`policy.mode.${m}`, m)}
            </option>
          ))}
        </select>
        {canChange && (
          <button
            type="button"
            className="secondary"
            disabled={pending || mode === saved}
            onClick={() => void save()}
            data-testid={`${id}-save`}
          >
            {t('policy.saveMode')}
          </button>
        )}
      </div>
      <p className="hint">{tOr(`policy.modeHint.${mode}`, '')}</p>
      {failure && <FormError error={failure} shownFields={[]} testId={`${id}-error`} />}
      {!failure && saved !== current && mode === saved && (
        <p className="form-ok" role="status" data-testid={`${id}-saved`}>
          {t('policy.modeSaved')}
        </p>
      )}
    </div>
  );
}
