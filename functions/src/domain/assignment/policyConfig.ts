import { z } from 'zod';
import { REQUIRED_ACTIONS } from '../model/case';
import { issueLines } from '../validation/issues';
import { AGENCY_TIERS, DEFAULT_RULES, type DrcProfile, type PolicyRules } from './drcPolicy';

/**
 * The assignment policy as stored in Firestore: the rules in `settings/assignmentPolicy` and each DRC's terms
 * on its own document (`drcs/{id}`, next to the counters the placement transaction keeps). Both are parsed with
 * these schemas when saved and when loaded, so a hand-edited document cannot steer placement silently.
 */
const indicator = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a lower-case indicator code');
const id = z.string().regex(/^[a-z0-9_-]{1,64}$/, 'is not a valid id');
const cents = z.number().int('must be whole cents').nonnegative('must not be negative');

export const DEFAULT_WINDOW_DAYS = 90;

export const policyRulesSchema = z.strictObject({
  excludedIndicators: z.array(indicator).max(50, 'at most 50 indicators'),
  excludeHeld: z.boolean(),
  performanceBand: z.number().min(0.01, 'must be at least 0.01').max(1, 'must be at most 1'),
  performanceWindowDays: z.number().int().min(7, 'must be at least 7 days').max(730, 'must be at most 730 days'),
});
export type StoredRules = z.infer<typeof policyRulesSchema>;

export const DEFAULT_STORED_RULES: StoredRules = { ...DEFAULT_RULES, performanceWindowDays: DEFAULT_WINDOW_DAYS };

export const RO_ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_loaded', 'by_area'] as const;
export type RoAssignmentMode = (typeof RO_ASSIGNMENT_MODES)[number];

/** A DRC's contract terms, as an admin saves them. */
export const drcTermsSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(2, 'is required').max(120),
    active: z.boolean(),
    actions: z.array(z.enum(REQUIRED_ACTIONS)).min(1, 'at least one action'),
    caseTypes: z.array(id).max(20),
    regions: z.array(z.string().trim().min(1).max(60)).max(30),
    capacity: z.number().int().min(0).max(1_000_000),
    minArrearsCents: cents,
    maxArrearsCents: cents.nullable(),
    agencyTier: z.enum(AGENCY_TIERS).nullable(),
  })
  .refine((d) => d.maxArrearsCents === null || d.maxArrearsCents >= d.minArrearsCents, {
    message: 'must not be below the minimum',
    path: ['maxArrearsCents'],
  });
export type DrcTerms = z.infer<typeof drcTermsSchema>;

/** A DRC document as loaded: terms (new ones optional, older documents lack them) and the counters. */
export const drcDocSchema = z.object({
  name: z.string().min(1),
  active: z.boolean(),
  actions: z.array(z.enum(REQUIRED_ACTIONS)),
  regions: z.array(z.string()).default([]),
  capacity: z.number().int().min(0),
  openCases: z.number().int().default(0),
  recoveryRate: z.number().min(0).max(1).default(0),
  lastAssignedAt: z.string().nullable().default(null),
  caseTypes: z.array(z.string()).default([]),
  minArrearsCents: cents.default(0),
  maxArrearsCents: cents.nullable().default(null),
  agencyTier: z.enum(AGENCY_TIERS).nullable().default(null),
  /** Placements ever made: numbers the placement ledger, which serialises placements per DRC. */
  placedTotal: z.number().int().min(0).default(0),
  roAssignmentMode: z.enum(RO_ASSIGNMENT_MODES).default('manual'),
});
export type DrcDoc = z.infer<typeof drcDocSchema>;

export function drcProfileOf(id: string, doc: DrcDoc): DrcProfile {
  return {
    id,
    name: doc.name,
    active: doc.active,
    actions: doc.actions,
    regions: doc.regions,
    capacity: doc.capacity,
    openCases: doc.openCases,
    recoveryRate: doc.recoveryRate,
    lastAssignedAt: doc.lastAssignedAt,
    caseTypes: doc.caseTypes,
    minArrearsCents: doc.minArrearsCents,
    maxArrearsCents: doc.maxArrearsCents,
    agencyTier: doc.agencyTier,
  };
}

/** Parses a DRC document; a broken one is reported, not guessed at. */
export function parseDrcDoc(data: unknown): { ok: true; doc: DrcDoc } | { ok: false; problem: string } {
  const parsed = drcDocSchema.safeParse(data);
  if (parsed.success) return { ok: true, doc: parsed.data };
  return {
    ok: false,
    problem: issueLines(parsed.error.issues, { root: '(document)' }).join('; '),
  };
}

/** The stored rules, or the defaults when none are saved; a broken document is an error, not a fallback. */
export function parseStoredRules(data: unknown): StoredRules {
  if (data === undefined || data === null) return DEFAULT_STORED_RULES;
  const picked = data as Record<string, unknown>;
  return policyRulesSchema.parse({
    excludedIndicators: picked.excludedIndicators,
    excludeHeld: picked.excludeHeld,
    performanceBand: picked.performanceBand,
    performanceWindowDays: picked.performanceWindowDays,
  });
}

export function rulesOf(stored: StoredRules): PolicyRules {
  return {
    excludedIndicators: stored.excludedIndicators,
    excludeHeld: stored.excludeHeld,
    performanceBand: stored.performanceBand,
  };
}
