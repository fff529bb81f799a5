import { z } from 'zod';

/**
 * An id that names a Firestore document (a uid, a message id): anything Firestore refuses as a document id is
 * refused here first with a specific reason (INVALID_ARGUMENT), never left to fail as an internal error.
 */
export function documentId(what: string, maxBytes = 1500) {
  return z.string({ error: 'is required' }).superRefine((v, ctx) => {
    const problem =
      v.length === 0
        ? 'is required'
        : v.includes('/')
          ? `is not ${what}: it must not contain "/"`
          : v === '.' || v === '..'
            ? `is not ${what}: "." and ".." are not ids`
            : /^__.*__$/.test(v)
              ? `is not ${what}: ids of the form __…__ are reserved`
              : new TextEncoder().encode(v).length > maxBytes
                ? `is not ${what}: at most ${maxBytes} bytes`
                : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
