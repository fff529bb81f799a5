import { z } from 'zod';
import { CASE_TYPE_VIEWERS, CONFIGURATION_EDITORS } from '../policy/operationRoles';
import { defineContract } from './define';

/** Case types: every version with its diagram for the operator's staff; a new version saved by an admin. */

const statusKind = z.enum(['initial', 'interim', 'final']);

/** A case type as the admin screens show it: the configuration, its checks, and its diagram. */
export const caseTypeView = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  level: z.enum(['account', 'customer']),
  readings: z.array(z.string()),
  statuses: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      kind: statusKind,
      description: z.string(),
      actors: z.array(z.string()),
      hooks: z.array(
        z.object({
          spot: z.string(),
          algorithm: z.string(),
          params: z.record(z.string(), z.unknown()),
          note: z.string().nullable(),
        }),
      ),
    }),
  ),
  transitions: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      mode: z.string(),
      roles: z.array(z.string()),
      guard: z.string().nullable(),
    }),
  ),
  actions: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      roles: z.array(z.string()),
      statuses: z.array(z.string()),
      results: z.array(z.object({ code: z.string(), label: z.string(), next: z.string().nullable() })),
    }),
  ),
  /** Mermaid `stateDiagram-v2` source drawn from the configuration itself. */
  mermaid: z.string(),
  /** Whether this is the newest version (new cases start on it). */
  latest: z.boolean(),
});

/**
 * The case types page's form validates with this. The configuration itself is checked as a whole by the life
 * cycle's own validator on the server, which lists every problem at once.
 */
export const saveCaseTypeInput = z.strictObject({ config: z.record(z.string(), z.unknown()) });

export const listCaseTypes = defineContract({
  name: 'listCaseTypes',
  summary: 'Every case type and version, with its diagram.',
  area: 'configuration',
  roles: CASE_TYPE_VIEWERS,
  input: z.strictObject({}),
  output: z.object({ caseTypes: z.array(caseTypeView) }),
});

export const saveCaseType = defineContract({
  name: 'saveCaseType',
  summary: 'Save the next version of a case type; a configuration that does not hold together is refused whole.',
  area: 'configuration',
  roles: CONFIGURATION_EDITORS,
  input: saveCaseTypeInput,
  output: z.object({ id: z.string(), version: z.number() }),
});

export const CONFIGURATION_CONTRACTS = [listCaseTypes, saveCaseType] as const;

export type CaseTypeView = z.infer<typeof caseTypeView>;
export type ListCaseTypesOutput = z.infer<typeof listCaseTypes.output>;
export type SaveCaseTypeInput = z.input<typeof saveCaseTypeInput>;
export type SaveCaseTypeOutput = z.infer<typeof saveCaseType.output>;
