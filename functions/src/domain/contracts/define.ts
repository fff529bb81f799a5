import type { z } from 'zod';
import type { Role } from '../model/roles';

/** The areas the operations are grouped by: one contracts file and one operations folder each. */
export type Area =
  | 'cases'
  | 'basket'
  | 'imports'
  | 'assignment'
  | 'users'
  | 'notifications'
  | 'audit'
  | 'configuration'
  | 'field'
  | 'compliance';

export type ApiTag =
  'Cases' | 'Negotiation' | 'Mediation board' | 'CPE' | 'Requests' | 'Presence' | 'Account' | 'Inbox';

/** How an operation is served over HTTPS under /api/v1 (and listed in the OpenAPI document). */
export interface RestBinding {
  method: 'GET' | 'POST';
  /** Under /api/v1; `{name}` segments are input fields taken from the path. */
  path: string;
  tag: ApiTag;
}

/**
 * What an operation is, without how it is done: its name, who may call it, and the zod schemas of what it takes
 * and gives. Pure (zod and the domain only), so the web client imports the same schemas for its forms and its
 * types (`z.infer`), and the server binds a handler to it in functions/src/operations/.
 */
export interface Contract<N extends string = string, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: N;
  area: Area;
  summary: string;
  description?: string;
  /** Roles that may call it at all; the handler then applies the case scope of the policy table. */
  roles: readonly Role[];
  input: I;
  output: O;
  /** Set for the operations a non-web client may use: served as REST too, and in the OpenAPI document. */
  rest?: RestBinding;
  /**
   * Deployed as `mobile-<name>` rather than `<name>`: the names the DRCs' mobile app was published with.
   * Everything else keeps the callable name the web client has always used.
   */
  group?: 'mobile';
  /**
   * Callable options beyond the defaults, for the few long or memory-hungry operations; `secrets` names the secret
   * params (functions/src/config.ts) the operation reads, which a deployed function sees only when bound to them.
   */
  runtime?: { timeoutSeconds?: number; memory?: '256MiB' | '512MiB' | '1GiB' | '2GiB'; secrets?: readonly string[] };
  /**
   * Worked examples for the OpenAPI document: an input (path parameters included) and the output it gets. Typed by
   * the schemas, and a unit test parses each against them, so an example cannot drift from the contract.
   */
  examples?: readonly ContractExample<I, O>[];
}

export interface ContractExample<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: z.input<I>;
  output: z.input<O>;
}

export function defineContract<const N extends string, I extends z.ZodType, O extends z.ZodType>(
  contract: Contract<N, I, O>,
): Contract<N, I, O> {
  return contract;
}

/** The name a callable is deployed under (and the web client calls). */
export function callableName(contract: Pick<Contract, 'name' | 'group'>): string {
  return contract.group ? `${contract.group}-${contract.name}` : contract.name;
}
