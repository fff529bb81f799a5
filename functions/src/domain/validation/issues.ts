/**
 * The one way zod issues become what a user reads: one message per field (the first, as zod reports them in the
 * order of its checks), the field named by its dotted path, and a sentence that lists them. Structural, so it
 * takes zod 4's issues (and anything shaped like them) without tying callers to a zod version's types.
 */

export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export interface FieldNaming {
  /** What to call an issue about the whole input (empty path): `(request)`, `body`, `(form)`. */
  root: string;
  /** Path parts users never see (a wrapper such as `payload`): left out of the name. */
  hide?: readonly PropertyKey[];
}

/** An issue's field as a user reads it: `fields.amount`, `items.2.code`, or the root's name. */
export function fieldName(path: readonly PropertyKey[], naming: FieldNaming): string {
  const hide = naming.hide ?? [];
  return (
    path
      .filter((p) => !hide.includes(p))
      .map(String)
      .join('.') || naming.root
  );
}

/** `field → message`, the first issue of each field. */
export function fieldMessages(issues: readonly IssueLike[], naming: FieldNaming): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = fieldName(issue.path, naming);
    if (!(name in fields)) fields[name] = issue.message;
  }
  return fields;
}

/** `amount must not be negative; paidOn is required`. */
export function describeFields(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([field, message]) => `${field} ${message}`)
    .join('; ');
}

/** The sentence a refusal of bad input carries: `Please correct: amount must not be negative.` */
export function pleaseCorrect(fields: Readonly<Record<string, string>>): string {
  return `Please correct: ${describeFields(fields)}.`;
}

/** Every issue as a line `field message` (`field: message` with separator ': '), for lists of problems. */
export function issueLines(issues: readonly IssueLike[], naming: FieldNaming, separator = ' '): string[] {
  return issues.map((i) => `${fieldName(i.path, naming)}${separator}${i.message}`);
}
