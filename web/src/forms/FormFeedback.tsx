import type { ShownError } from '../data/describeError';
import { tOr, humanize } from '../i18n/t';

interface FormErrorProps {
  error: ShownError;
  /** Fields the form shows next to their inputs; any others are listed here. */
  shownFields: readonly string[];
  /** Where a screen shows several such boxes, each its own test id. */
  testId?: string;
}

/** The error box of a form: the message, and field errors that have no input of their own. */
export function FormError({ error, shownFields, testId = 'form-error' }: FormErrorProps) {
  const others = Object.entries(error.fields).filter(([name]) => !shownFields.includes(name) && name !== '(form)');
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      <p>{error.message}</p>
      {others.length > 0 && (
        <ul>
          {others.map(([name, message]) => (
            <li key={name}>
              {tOr(`field.${name}`, humanize(name))}: {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FormOk({ text }: { text: string }) {
  return (
    <p className="form-ok" role="status" data-testid="form-ok">
      {text}
    </p>
  );
}

/** A form page before its first load: the title, and "loading…" or why the load failed. */
export function PageLoading({
  id,
  title,
  loading,
  failure,
}: {
  id: string;
  title: string;
  loading: string;
  failure: ShownError | null;
}) {
  return (
    <section aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      {failure ? <FormError error={failure} shownFields={[]} /> : <p role="status">{loading}</p>}
    </section>
  );
}
