import type { CpeItem, Payment, RoRequest } from '../../../functions/src/domain/model/case';
import { formatLkr } from '../format/money';
import type { PersonRef } from '../../../functions/src/domain/contracts/types';
import { Field, describedBy } from '../forms/Field';
import { humanize, t, tOr } from '../i18n/t';
import type { FieldSpec } from './schemaFields';
import { labelText } from '../i18n/labels';

export interface FieldChoices {
  assignableRos: PersonRef[];
  cpe: CpeItem[];
  /** Pending RO requests of the case (an officer decides one). */
  roRequests: RoRequest[];
  /** Payments that still count (one may be reversed). */
  payments: Payment[];
}

interface SchemaFieldProps {
  formId: string;
  field: FieldSpec;
  /** The case type's own label of this input, with its translations (the effects' inputs have none: `field.*`). */
  fieldLabel?: { label: string; labels: { si: string; ta: string } | null } | undefined;
  value: string | boolean;
  error: string | undefined;
  choices: FieldChoices;
  onChange(value: string | boolean): void;
}

function optionsOf(field: FieldSpec, choices: FieldChoices): { value: string; label: string }[] {
  switch (field.kind) {
    case 'ro':
      return choices.assignableRos.map((p) => ({ value: p.uid, label: p.displayName }));
    case 'cpeItem':
      return choices.cpe.map((i) => ({
        value: i.itemId,
        label: `${i.kind} ${i.serialNumber} (${tOr(`cpeStatus.${i.status}`, i.status)})`,
      }));
    case 'roRequest':
      return choices.roRequests.map((r) => ({
        value: r.id,
        label: `${tOr(`roRequest.kind.${r.kind}`, humanize(r.kind))}${r.days ? ` (${r.days} d)` : ''}: ${r.reason}`,
      }));
    case 'payment':
      return choices.payments.map((p) => ({
        value: p.reference,
        label: `${p.reference}: ${formatLkr(p.amountCents)}, ${p.paidOn}`,
      }));
    default:
      return field.options.map((o) => ({ value: o, label: tOr(`option.${o}`, humanize(o)) }));
  }
}

/** One input of an action form, chosen by the field's kind. */
export function SchemaField({ formId, field, fieldLabel, value, error, choices, onChange }: SchemaFieldProps) {
  const id = `${formId}-${field.name}`;
  const label = fieldLabel ? labelText(fieldLabel) : tOr(`field.${field.name}`, humanize(field.name));
  const hint = field.kind === 'money' ? t('form.amountHint') : undefined;
  const common = { ...describedBy(id, error, hint), name: field.name, 'data-testid': `field-${field.name}` };
  const text = typeof value === 'string' ? value : '';

  if (field.kind === 'checkbox') {
    return (
      <Field id={id} name={field.name} label={label} error={error} inline>
        <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
      </Field>
    );
  }

  let input;
  switch (field.kind) {
    case 'select':
    case 'ro':
    case 'cpeItem':
    case 'roRequest':
    case 'payment':
      input = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {optionsOf(field, choices).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'longText':
      input = (
        <textarea
          {...common}
          rows={3}
          maxLength={field.maxLength}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    default: {
      const type = field.kind === 'date' ? 'date' : 'text';
      const inputMode =
        field.kind === 'money' || field.kind === 'number'
          ? 'decimal'
          : field.kind === 'integer'
            ? 'numeric'
            : undefined;
      input = (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          maxLength={field.maxLength}
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
  }
  return (
    <Field id={id} name={field.name} label={label} required={field.required} hint={hint} error={error}>
      {input}
    </Field>
  );
}
