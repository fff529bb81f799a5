/**
 * The one codec for paging cursors. A cursor is the list of values a page ended on (a sort value, an id, a mark),
 * as JSON in base64url: opaque to the client, which only hands back `nextCursor` as `cursor`, and safe in a URL.
 * Each list reads its own parts with `read`; whatever it does not recognise is an InvalidCursorError, which every
 * caller answers the same way (INVALID_ARGUMENT on the `cursor` field), so a forged cursor learns nothing.
 * One form for every list (docs/decisions/0037-shared-plumbing.md).
 */

export type CursorPart = string | number | boolean;

/** A cursor this code did not write (or no longer reads): the caller's input is wrong, nothing was read. */
export class InvalidCursorError extends Error {
  /** The input field to name in the refusal, and what to say of it. */
  readonly field = 'cursor';
  readonly fieldMessage = 'is not valid';

  constructor() {
    super('The page cursor is not valid.');
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(parts: readonly CursorPart[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/**
 * The cursor's parts as `read` makes them; `read` returns undefined for parts it does not accept. Throws
 * InvalidCursorError for anything but a list `read` accepts.
 */
export function decodeCursor<T>(cursor: string, read: (parts: readonly unknown[]) => T | undefined): T {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const value = Array.isArray(parts) ? read(parts) : undefined;
  if (value === undefined) throw new InvalidCursorError();
  return value;
}
