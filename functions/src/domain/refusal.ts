/**
 * The one way a service or a domain rule says no. Services know nothing of HTTP or callables: they throw a
 * Refusal, and only the entry layer (functions/src/api/) turns it into an HttpsError, so the same refusal has
 * the same code over a callable, over REST and in a test.
 */
export type RefusalCode =
  | 'invalid-argument'
  | 'not-found'
  | 'permission-denied'
  | 'failed-precondition'
  | 'already-exists'
  | 'aborted'
  | 'resource-exhausted'
  | 'unauthenticated'
  | 'out-of-range'
  | 'deadline-exceeded'
  | 'unavailable';

/** `fields` names what to correct in a form ({field: reason}); other keys are facts a client may act on. */
export type RefusalDetails = { fields?: Record<string, string> } & Record<string, unknown>;

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details?: RefusalDetails,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}

/**
 * The one answer for "there is no such thing" and "it is outside your scope": the same code and the same words,
 * so a caller learns nothing about what they may not see, not even that it exists. Every operation that looks up
 * a case or a user by id on a caller's behalf refuses through this.
 */
export function notVisible(kind: 'case' | 'user', ids: string | readonly string[], field?: string): Refusal {
  const list = typeof ids === 'string' ? ids : ids.join(', ');
  const message = `No ${kind} ${list} that you can see.`;
  // A form names the field to correct; the words are the same whether the ids exist elsewhere or not at all.
  return field
    ? new Refusal('not-found', message, { fields: { [field]: `has no ${kind} ${list} that you can see` } })
    : new Refusal('not-found', message);
}
