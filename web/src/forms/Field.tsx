import type { ReactNode } from 'react';
import { t } from '../i18n/t';

/** ids and ARIA attributes that tie an input to its hint and error message. */
export function describedBy(id: string, error: string | undefined, hint: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

interface FieldProps {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  /** Checkboxes put their label after the box. */
  inline?: boolean;
  children: ReactNode;
}

/** A labelled form field with an optional hint and its error message underneath. */
export function Field({ id, name, label, required = true, hint, error, inline = false, children }: FieldProps) {
  const text = (
    <>
      {label} {!required && <span className="optional">{t('form.optional')}</span>}
    </>
  );
  return (
    <div className={`field${inline ? ' field-inline' : ''}${error ? ' field-invalid' : ''}`}>
      {inline ? children : null}
      <label htmlFor={id}>{text}</label>
      {inline ? null : children}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
