import { tOr } from './t';

/** A life-cycle status in the reader's language; statuses of other case types fall back to their configured label. */
export function statusText(code: string, configuredLabel?: string): string {
  return tOr(`status.${code}`, configuredLabel ?? code);
}
