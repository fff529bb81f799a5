import { z } from 'zod';
import { AGENCY_TIERS } from '../assignment/drcPolicy';
import { drcTermsSchema, policyRulesSchema, RO_ASSIGNMENT_MODES } from '../assignment/policyConfig';
import { REQUIRED_ACTIONS } from '../model/case';
import { documentId } from '../model/ids';
import {
  ASSIGNMENT_POLICY_READERS,
  CONFIGURATION_EDITORS,
  DRC_PERFORMANCE_ROLES,
  REASSIGN_ROLES,
  RECOVERY_OFFICER_ROLES,
  RO_SETUP_ROLES,
} from '../policy/operationRoles';
import { defineContract } from './define';

/**
 * Assignment administration and operations: the assignment policy (admin), each DRC's RO assignment mode (its
 * DRC admin), RO areas and capacity, recall, bulk reassignment and agency placement. Every change is audited;
 * bulk operations are idempotent by the client's operation id.
 */

const id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a valid id');
const operationId = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8–128 letters, digits, - or _');
const caseIds = z
  .array(id)
  .min(1, 'choose at least one case')
  .max(200, 'at most 200 cases at a time')
  .refine((ids) => new Set(ids).size === ids.length, 'lists a case twice');
const reason = z.string().trim().min(3, 'is required').max(500, 'must be at most 500 characters');

export const roAssignmentMode = z.enum(RO_ASSIGNMENT_MODES, {
  error: `must be one of ${RO_ASSIGNMENT_MODES.join(', ')}`,
});
export const agencyTier = z.enum(AGENCY_TIERS);

/** The assignment policy's rules (`settings/assignmentPolicy`). */
export const assignmentRules = z.object({
  /** Cases carrying any of these indicators are never placed (deceased, bankruptcy, dispute, do_not_contact...). */
  excludedIndicators: z.array(z.string()),
  /** Cases held by another case (an open deceased or bankruptcy case) are never placed. */
  excludeHeld: z.boolean(),
  /** Width of a recovery-rate band (0.01–1): DRCs in one band are equals and take turns. */
  performanceBand: z.number(),
  /** The window (days) over which a DRC's recovery rate is measured. */
  performanceWindowDays: z.number(),
});

const drcTermsView = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  actions: z.array(z.enum(REQUIRED_ACTIONS)),
  /** Empty: every case type. */
  caseTypes: z.array(z.string()),
  /** Empty: island-wide. */
  regions: z.array(z.string()),
  capacity: z.number(),
  minArrearsCents: z.number(),
  maxArrearsCents: z.number().nullable(),
  agencyTier: agencyTier.nullable(),
});

/** A DRC as getAssignmentPolicy shows it: terms, counters and mode. */
export const drcPolicyView = drcTermsView.extend({
  openCases: z.number(),
  recoveryRate: z.number(),
  lastAssignedAt: z.string().nullable(),
  roAssignmentMode,
  problem: z.null(),
});

/**
 * A DRC whose stored document does not parse: only what identifies it and what is wrong, so an admin sees it
 * and fixes it rather than the screen guessing its terms.
 */
export const brokenDrcView = z.object({ id: z.string(), name: z.string(), problem: z.string() });

export const assignmentPolicyView = z.object({
  rules: assignmentRules,
  /** Incremented on every save; send it back as expectedVersion. */
  version: z.number(),
  drcs: z.array(z.union([drcPolicyView, brokenDrcView])),
});

/** The assignment rules page's form validates with this before sending (the server parses it again). */
export const saveAssignmentPolicyInput = z
  .strictObject({
    rules: policyRulesSchema.optional(),
    drcs: z.array(drcTermsSchema).max(100).optional(),
    /** The version the admin edited: a save over someone else's newer save is refused, not merged. */
    expectedVersion: z.number().int().min(0),
  })
  .refine((v) => v.rules || (v.drcs && v.drcs.length > 0), { message: 'nothing to save', path: ['rules'] })
  .refine((v) => !v.drcs || new Set(v.drcs.map((d) => d.id)).size === v.drcs.length, {
    message: 'lists a DRC twice',
    path: ['drcs'],
  });

export const setRoAssignmentModeInput = z.strictObject({
  mode: roAssignmentMode,
  drcId: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/, 'is not a DRC id')
    .optional(),
});

export const setRoProfileInput = z.strictObject({
  uid: documentId('a user id', 128),
  areas: z.array(z.string().trim().min(1).max(60)).max(30),
  capacity: z.number().int().min(1).max(10_000).nullable(),
});

export const recallCasesInput = z.strictObject({ operationId, caseIds, reason, replace: z.boolean().default(false) });

export const reassignCasesInput = z
  .strictObject({ operationId, caseIds, reason, toRoId: id.optional(), toDrcId: id.optional() })
  .refine((v) => !!v.toRoId !== !!v.toDrcId, { message: 'give either toRoId or toDrcId', path: ['toRoId'] });

export const placeWithAgencyInput = z.strictObject({
  operationId,
  caseIds,
  reason,
  tier: z.enum(['next', ...AGENCY_TIERS], { error: 'must be next, primary, secondary or tertiary' }),
});

/** One case's outcome in a bulk operation. */
export const bulkCaseResult = z.object({
  caseId: z.string(),
  ok: z.boolean(),
  /** recalled, recall-started, replaced, reassigned, moved, placed, unchanged — or why it was refused. */
  code: z.string(),
  message: z.string(),
  drcId: z.string().nullable().optional(),
  roId: z.string().nullable().optional(),
});

/** What the bulk operations return (also on a retry with the same operationId). */
export const bulkOperationResult = z.object({
  operationId: z.string(),
  kind: z.string(),
  state: z.enum(['RUNNING', 'DONE']),
  results: z.array(bulkCaseResult),
  applied: z.number(),
  refused: z.number(),
});

export const getAssignmentPolicy = defineContract({
  name: 'getAssignmentPolicy',
  summary: 'The assignment rules and every DRC’s terms, counters and RO assignment mode (a DRC admin: their own).',
  area: 'assignment',
  roles: ASSIGNMENT_POLICY_READERS,
  input: z.strictObject({}),
  output: assignmentPolicyView,
});

export const saveAssignmentPolicy = defineContract({
  name: 'saveAssignmentPolicy',
  summary: 'Save the rules and/or DRC terms in one audited change; a stale expectedVersion is refused.',
  area: 'assignment',
  roles: CONFIGURATION_EDITORS,
  input: saveAssignmentPolicyInput,
  output: assignmentPolicyView,
});

export const setRoAssignmentMode = defineContract({
  name: 'setRoAssignmentMode',
  summary: 'How a DRC’s cases reach its ROs: a DRC admin for their own DRC, an admin for the DRC named.',
  area: 'assignment',
  roles: RO_SETUP_ROLES,
  input: setRoAssignmentModeInput,
  output: z.object({ drcId: z.string(), mode: z.string() }),
});

export const setRoProfile = defineContract({
  name: 'setRoProfile',
  summary: 'The areas an RO covers and the open cases they should hold.',
  area: 'assignment',
  roles: RO_SETUP_ROLES,
  input: setRoProfileInput,
  output: z.object({ uid: z.string() }),
});

export const recallCases = defineContract({
  name: 'recallCases',
  summary: 'Recall 1–200 cases from their DRCs with a reason; `replace` places them again by the policy.',
  area: 'assignment',
  roles: RECOVERY_OFFICER_ROLES,
  input: recallCasesInput,
  output: bulkOperationResult,
});

export const reassignCases = defineContract({
  name: 'reassignCases',
  summary: 'Move cases to an RO of the caller’s DRC (DRC admin, toRoId) or to another DRC (officers, toDrcId).',
  area: 'assignment',
  roles: REASSIGN_ROLES,
  input: reassignCasesInput,
  output: bulkOperationResult,
});

export const placeWithAgency = defineContract({
  name: 'placeWithAgency',
  summary: 'Place external-recovery cases with an agency of a tier (or the next tier) chosen by the policy.',
  area: 'assignment',
  roles: RECOVERY_OFFICER_ROLES,
  input: placeWithAgencyInput,
  output: bulkOperationResult,
});

export const refreshDrcPerformance = defineContract({
  name: 'refreshDrcPerformance',
  summary: 'Recompute every DRC’s recovery rate over the policy’s window (audited per DRC).',
  area: 'assignment',
  roles: DRC_PERFORMANCE_ROLES,
  input: z.strictObject({}),
  output: z.object({ rates: z.record(z.string(), z.number()) }),
});

export const ASSIGNMENT_CONTRACTS = [
  getAssignmentPolicy,
  saveAssignmentPolicy,
  setRoAssignmentMode,
  setRoProfile,
  recallCases,
  reassignCases,
  placeWithAgency,
  refreshDrcPerformance,
] as const;

export type AssignmentRules = z.infer<typeof assignmentRules>;
export type RoAssignmentModeName = z.infer<typeof roAssignmentMode>;
export type AgencyTierName = z.infer<typeof agencyTier>;
/** A DRC's contract terms, as an admin saves them. */
export type DrcTermsInput = z.input<typeof drcTermsSchema>;
export type DrcPolicyView = z.infer<typeof drcPolicyView>;
export type BrokenDrcView = z.infer<typeof brokenDrcView>;
export type AssignmentPolicyView = z.infer<typeof assignmentPolicyView>;
export type SaveAssignmentPolicyInput = z.input<typeof saveAssignmentPolicyInput>;
export type SetRoAssignmentModeInput = z.input<typeof setRoAssignmentModeInput>;
export type SetRoProfileInput = z.input<typeof setRoProfileInput>;
export type RecallCasesInput = z.input<typeof recallCasesInput>;
export type ReassignCasesInput = z.input<typeof reassignCasesInput>;
export type PlaceWithAgencyInput = z.input<typeof placeWithAgencyInput>;
export type BulkCaseResult = z.infer<typeof bulkCaseResult>;
export type BulkOperationResult = z.infer<typeof bulkOperationResult>;
