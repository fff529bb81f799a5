import { useMemo, useState, type FormEvent } from 'react';
import type { ActionView, ResultView } from '../../../functions/src/domain/contracts/types';
import { FormError, FormOk } from '../forms/FormFeedback';
import { useRequestSubmit } from '../forms/useRequestSubmit';
import { t } from '../i18n/t';
import { ContactGateNotice, useContactGate } from '../compliance/ContactGateNotice';
import { emptyValues, toInputs, type FormValues } from './formInputs';
import { SchemaField, type FieldChoices } from './SchemaField';
import { fieldsOf } from './schemaFields';
import { labelText, statusText, type Labelled } from '../i18n/labels';

interface ActionFormProps {
  caseId: string;
  /** The case revision shown: the server refuses the action if the case changed since. */
  rev: number;
  action: ActionView;
  result: ResultView;
  /** The case type's labels of the status this result moves the case to, to name it in the reader's language. */
  nextStatus?: Labelled | undefined;
  choices: FieldChoices;
  /** The success note to show, when this form's last request was applied. */
  okNote: string | undefined;
  onApplied(note: string): void;
}

/** A form for one result of one action, generated from the result's input schema. */
export function ActionForm({ caseId, rev, action, result, nextStatus, choices, okNote, onApplied }: ActionFormProps) {
  const formId = `action-${action.code}-${result.code}`;
  const fields = useMemo(() => fieldsOf(result.inputSchema, action.code), [result.inputSchema, action.code]);
  const [values, setValues] = useState<FormValues>(() => emptyValues(fields));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const { state, submit, reset } = useRequestSubmit();
  const serverErrors = state.status === 'failed' ? state.error.fields : {};
  const fieldError = (name: string) => localErrors[name] ?? serverErrors[name];
  // The RO's contact passes the contact gate: warned before sending (hours, caps), not sent when blocked.
  const isContact = action.code === 'recordContact' && fields.some((f) => f.name === 'channel');
  const gate = useContactGate(caseId, String(values.channel ?? ''), rev, isContact);
  const blocked = gate.check?.decision === 'block';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { inputs, errors } = toInputs(fields, values);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      reset();
      return;
    }
    const payload = { action: action.code, result: result.code, inputs, expectedRev: rev };
    const applied = await submit({ type: 'caseAction', caseId, payload });
    if (applied) {
      setValues(emptyValues(fields));
      onApplied(t('actions.applied', { what: `${labelText(action)}: ${labelText(result)}` }));
    }
  };

  const hasLocalErrors = Object.keys(localErrors).length > 0;
  return (
    <form
      className="action-form"
      data-testid={formId}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${formId}-title`}
    >
      <h4 id={`${formId}-title`}>{labelText(result)}</h4>
      {result.next && <p className="hint">{t('actions.next', { status: statusText(result.next, nextStatus) })}</p>}
      <div className="form-fields">
        {fields.map((field) => (
          <SchemaField
            key={field.name}
            formId={formId}
            field={field}
            fieldLabel={result.fieldLabels[field.name]}
            value={values[field.name] ?? ''}
            error={fieldError(field.name)}
            choices={choices}
            onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
          />
        ))}
      </div>
      {isContact && <ContactGateNotice check={gate.check} checking={gate.checking} unchecked={gate.unchecked} />}
      {hasLocalErrors && <FormError error={{ message: t('form.correctMarked'), fields: {} }} shownFields={[]} />}
      {state.status === 'failed' && <FormError error={state.error} shownFields={fields.map((f) => f.name)} />}
      {okNote && state.status !== 'failed' && !hasLocalErrors && <FormOk text={okNote} />}
      <button
        type="submit"
        data-testid={`submit-${action.code}-${result.code}`}
        disabled={state.status === 'pending' || blocked}
      >
        {state.status === 'pending' ? t('form.pending') : blocked ? t('gate.blockedSubmit') : t('form.submit')}
        <span className="visually-hidden">
          {' '}
          {labelText(action)}: {labelText(result)}
        </span>
      </button>
    </form>
  );
}
