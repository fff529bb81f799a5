import { useState } from 'react';
import type { z } from 'zod';
import type { contactPolicyOutput } from '../../../functions/src/domain/contracts/compliance';
import type { Me } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { describeError, type ShownError } from '../data/describeError';
import { useFormSource } from '../data/queries';
import { describedBy, Field } from '../forms/Field';
import { FormError, FormOk, PageLoading } from '../forms/FormFeedback';
import { flatErrors, useOperationForm } from '../forms/useOperationForm';
import { formatInstant } from '../format/time';
import { t } from '../i18n/t';
import { POLICY_FIELDS, policyFormValues, policyInput, type PolicyFormValues } from './policyForm';
import './compliance.css';

type PolicyView = z.infer<typeof contactPolicyOutput>;

/**
 * The contact policy (caps, hours, blocking indicators): an administrator proposes a change, and another
 * administrator or a supervisor approves or rejects it; only an approved change reaches the gate.
 */
export function ContactPolicyPage({ me }: { me: Me }) {
  const [view, setView] = useState<PolicyView | null>(null);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [rejectNote, setRejectNote] = useState('');
  const canPropose = me.role === 'admin';
  const canDecide = me.role === 'admin' || me.role === 'supervisor';
  const expected = view?.active.version ?? 0;
  const { register, handleSubmit, reset, setError, formState } = useOperationForm<
    'proposeContactPolicy',
    PolicyFormValues
  >('proposeContactPolicy', {}, (values) => policyInput(values, expected));

  const show = (v: PolicyView) => {
    setView(v);
    reset(policyFormValues(v.pending?.policy ?? v.active.policy));
  };
  const loadFailure = useFormSource('getContactPolicy', {}, show);

  const refused = (error: unknown) => {
    const shown = describeError(error);
    if (shown.code === 'failed-precondition') shown.message = t('policy.stale');
    if (shown.code === 'permission-denied' && canDecide) shown.message = t('policy.ownProposal');
    setFailure(shown);
    for (const [form, path] of Object.entries(POLICY_FIELDS)) {
      const message = shown.fields[path];
      if (message) setError(form as keyof PolicyFormValues, { type: 'server', message });
    }
    if (shown.code === 'failed-precondition') void call('getContactPolicy', {}).then(show);
  };

  const onPropose = handleSubmit(
    async (input) => {
      setFailure(null);
      setDone(null);
      try {
        show(await call('proposeContactPolicy', input));
        setDone(t('policy.proposed'));
      } catch (error) {
        refused(error);
      }
    },
    () => setFailure(null),
  );

  const decide = async (approve: boolean) => {
    if (!view?.pending) return;
    setFailure(null);
    setDone(null);
    try {
      const note = rejectNote.trim() || null;
      show(await call('decideContactPolicy', { pendingVersion: view.pending.version, approve, note }));
      setRejectNote('');
      setDone(t('policy.decided'));
    } catch (error) {
      refused(error);
    }
  };

  if (!view) {
    return (
      <PageLoading id="policy-title" title={t('policy.title')} loading={t('form.pending')} failure={loadFailure} />
    );
  }
  // The contract's paths (policy.quietHours.start) as the form's fields (quietStart).
  const flat = flatErrors(formState.errors);
  const errorOf = (field: keyof PolicyFormValues) => flat[POLICY_FIELDS[field]] ?? flat[field];
  const { active, pending } = view;
  const mine = pending?.proposedBy === me.uid;
  const number = (field: 'maxPerDay' | 'maxPerWeek') => (
    <Field id={`policy-${field}`} name={field} label={t(`policy.${field}`)} error={errorOf(field)}>
      <input
        {...describedBy(`policy-${field}`, errorOf(field), undefined)}
        inputMode="numeric"
        disabled={!canPropose}
        data-testid={`policy-${field}`}
        {...register(field)}
      />
    </Field>
  );
  const text = (field: 'quietStart' | 'quietEnd' | 'timeZone') => (
    <Field id={`policy-${field}`} name={field} label={t(`policy.${field}`)} error={errorOf(field)}>
      <input
        {...describedBy(`policy-${field}`, errorOf(field), undefined)}
        disabled={!canPropose}
        data-testid={`policy-${field}`}
        {...register(field)}
      />
    </Field>
  );

  return (
    <section aria-labelledby="policy-title" className="contact-policy" data-testid="contact-policy-page">
      <h1 id="policy-title">{t('policy.title')}</h1>
      <p className="hint">{t('policy.intro')}</p>
      <p data-testid="policy-active">
        {active.version === 0 ? t('policy.default') : t('policy.active', { version: active.version })}
        {active.approvedAt && (
          <>
            {' '}
            {t('policy.approvedBy', {
              maker: active.proposedBy ?? '',
              checker: active.approvedBy ?? '',
              at: formatInstant(active.approvedAt),
            })}
          </>
        )}
      </p>
      {pending && (
        <div className="card form-warning" data-testid="policy-pending">
          <p>
            {t('policy.pending', {
              version: pending.version,
              maker: pending.proposedBy ?? '',
              at: formatInstant(pending.proposedAt),
            })}
          </p>
          {pending.note && <p>{pending.note}</p>}
          {canDecide && mine && <p>{t('policy.ownProposal')}</p>}
          {canDecide && !mine && (
            <div className="form-fields">
              <Field id="policy-reject-note" name="rejectNote" label={t('policy.rejectNote')} required={false}>
                <input
                  id="policy-reject-note"
                  value={rejectNote}
                  onChange={(e) => setRejectNote(e.target.value)}
                  data-testid="policy-reject-note"
                />
              </Field>
              <button type="button" onClick={() => void decide(true)} data-testid="policy-approve">
                {t('policy.approve')}
              </button>{' '}
              <button type="button" onClick={() => void decide(false)} data-testid="policy-reject">
                {t('policy.reject')}
              </button>
            </div>
          )}
        </div>
      )}
      {failure && <FormError error={failure} shownFields={Object.values(POLICY_FIELDS)} />}
      {done && !failure && <FormOk text={done} />}
      <form className="card" onSubmit={onPropose} noValidate data-testid="policy-form">
        <div className="form-fields">
          {number('maxPerDay')}
          {number('maxPerWeek')}
          {text('quietStart')}
          {text('quietEnd')}
          {text('timeZone')}
          <Field id="policy-indicators" name="indicators" label={t('policy.indicators')} error={errorOf('indicators')}>
            <textarea
              {...describedBy('policy-indicators', errorOf('indicators'), undefined)}
              disabled={!canPropose}
              data-testid="policy-indicators"
              {...register('indicators')}
            />
          </Field>
          {canPropose && (
            <Field id="policy-note" name="note" label={t('policy.note')} required={false} error={errorOf('note')}>
              <input {...describedBy('policy-note', errorOf('note'), undefined)} {...register('note')} />
            </Field>
          )}
        </div>
        {canPropose && (
          <button type="submit" disabled={formState.isSubmitting} data-testid="policy-propose">
            {formState.isSubmitting ? t('form.pending') : t('policy.propose')}
          </button>
        )}
      </form>
    </section>
  );
}
