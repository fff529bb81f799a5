import { useState, type FormEvent } from 'react';
import type { StatusView } from '../../../functions/src/domain/contracts/types';
import { Field, describedBy } from '../forms/Field';
import { FormError, FormOk } from '../forms/FormFeedback';
import { useRequestSubmit } from '../forms/useRequestSubmit';
import { t } from '../i18n/t';
import { labelText } from '../i18n/labels';

interface ManualTransitionFormProps {
  caseId: string;
  rev: number;
  targets: StatusView[];
  okNote: string | undefined;
  onApplied(note: string): void;
}

const FORM_ID = 'manual-transition';
const FIELDS = ['to', 'reason'];

/** "Move to" a status the caller may set by hand (write off, withdraw), with the reason. */
export function ManualTransitionForm({ caseId, rev, targets, okNote, onApplied }: ManualTransitionFormProps) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const { state, submit } = useRequestSubmit();
  const errors = { ...(state.status === 'failed' ? state.error.fields : {}), ...localErrors };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!to) missing.to = t('form.required');
    if (!reason.trim()) missing.reason = t('form.required');
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const applied = await submit({
      type: 'manualTransition',
      caseId,
      payload: { to, reason: reason.trim(), expectedRev: rev },
    });
    if (applied) {
      const target = targets.find((s) => s.code === to);
      const label = target ? labelText(target) : to;
      setTo('');
      setReason('');
      onApplied(t('actions.applied', { what: `${t('manual.to')} ${label}` }));
    }
  };

  return (
    <form
      className="action-form"
      data-testid={FORM_ID}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${FORM_ID}-title`}
    >
      <h3 id={`${FORM_ID}-title`}>{t('manual.title')}</h3>
      <div className="form-fields">
        <Field id={`${FORM_ID}-to`} name="to" label={t('manual.to')} error={errors.to}>
          <select
            {...describedBy(`${FORM_ID}-to`, errors.to, undefined)}
            data-testid="field-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          >
            <option value="">{t('form.choose')}</option>
            {targets.map((s) => (
              <option key={s.code} value={s.code}>
                {labelText(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${FORM_ID}-reason`} name="reason" label={t('manual.reason')} error={errors.reason}>
          <textarea
            {...describedBy(`${FORM_ID}-reason`, errors.reason, undefined)}
            data-testid="field-reason"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </div>
      {state.status === 'failed' && <FormError error={state.error} shownFields={FIELDS} />}
      {okNote && state.status !== 'failed' && <FormOk text={okNote} />}
      <button type="submit" data-testid="submit-manual-transition" disabled={state.status === 'pending'}>
        {state.status === 'pending' ? t('form.pending') : t('manual.submit')}
      </button>
    </form>
  );
}
