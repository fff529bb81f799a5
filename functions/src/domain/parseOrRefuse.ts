import type { z } from 'zod';
import { Refusal } from './refusal';
import { issuesToFields } from './requests/schemas';

/**
 * Parses with zod where a service checks input beyond its operation's contract (a request's payload against its
 * type, the command line's arguments): refused INVALID_ARGUMENT with per-field reasons, worded as the registry
 * words bad callable input, so a client shows both alike.
 */
export function parseOrRefuse<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const fields = issuesToFields(parsed.error);
  throw new Refusal(
    'invalid-argument',
    `Please correct: ${Object.entries(fields)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}.`,
    { fields },
  );
}
