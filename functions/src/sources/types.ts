import type { SourceAccount } from '../domain/model/sourceAccount';

/** What the source systems (BSS billing, OSS network, CRM) know about an account, merged. */
export type { SourceAccount };

/**
 * `failed`: the sources could not answer (down, slow, refused): worth retrying.
 * `inconsistent`: they answered, but the records are malformed or contradict each other: a retry would get
 * the same answer, so the registration is refused at once, saying what is wrong where.
 */
export type SourceLookup =
  | { found: true; account: SourceAccount }
  | { found: false; reason: string }
  | { failed: true; reason: string }
  | { inconsistent: true; reason: string };

/** One interface for every source kind: demo, HTTP/JSON gateway and file drop. */
export interface AccountSource {
  readonly name: string;
  lookup(accountNumber: string): Promise<SourceLookup>;
}
