import type { RequiredAction } from '../model/case';
import type { Instant } from '../model/time';

/** External-recovery agency groups (docs/domain.md): a DRC may serve as an agency of one tier. */
export const AGENCY_TIERS = ['primary', 'secondary', 'tertiary'] as const;
export type AgencyTier = (typeof AGENCY_TIERS)[number];

/** A DRC as the assignment policy sees it (`drcs/{drcId}`). */
export interface DrcProfile {
  id: string;
  name: string;
  active: boolean;
  /** Which required actions the DRC is contracted for. */
  actions: RequiredAction[];
  /** Regions served; empty means island-wide. */
  regions: string[];
  capacity: number;
  openCases: number;
  /** Recovered share of assigned amounts over the policy's performance window, 0..1. */
  recoveryRate: number;
  lastAssignedAt: Instant | null;
  /** Case types the DRC is contracted for; absent or empty means every case type. */
  caseTypes?: string[];
  /** The amount band the DRC takes (arrears in cents, inclusive); absent means no bound. */
  minArrearsCents?: number;
  maxArrearsCents?: number | null;
  /** The agency group the DRC belongs to for external recovery; absent means it is not an agency. */
  agencyTier?: AgencyTier | null;
}

export interface CaseForAssignment {
  requiredAction: RequiredAction;
  region: string;
  arrearsCents: number;
  caseType?: string;
  /** Risk and warning indicators on the case (deceased, bankruptcy, dispute, do_not_contact...). */
  indicators?: string[];
  /** Another case holds this one (an open deceased or bankruptcy case on the account). */
  held?: boolean;
}

/** The rules of the policy that are not a DRC's own terms (settings/assignmentPolicy). */
export interface PolicyRules {
  /** Cases carrying any of these indicators are never placed. */
  excludedIndicators: string[];
  /** Cases held by another case are never placed. */
  excludeHeld: boolean;
  /** Width of a recovery-rate band: DRCs within one band are equals and take turns. */
  performanceBand: number;
}

export const DEFAULT_RULES: PolicyRules = {
  excludedIndicators: ['deceased', 'bankruptcy', 'dispute', 'do_not_contact', 'cease_and_desist'],
  excludeHeld: true,
  performanceBand: 0.1,
};

export interface ChooseOptions {
  rules?: PolicyRules;
  /** DRCs that must not get the case (e.g. the DRC it was just recalled from). */
  excludeDrcs?: string[];
  /** Only DRCs of this agency group (external recovery placement). */
  tier?: AgencyTier;
}

export interface DrcScore {
  recoveryRate: number;
  band: number;
  load: number;
  capacity: number;
  lastAssignedAt: Instant | null;
}

/** Why a case went where it went: stored with every placement so it can be explained later. */
export interface PlacementExplanation {
  rule: 'only eligible DRC' | 'best recovery-rate band' | 'round-robin among equals (waited longest)';
  chosen: string;
  eligible: string[];
  refused: Record<string, string>;
  scores: Record<string, DrcScore>;
}

export type DrcChoice =
  | {
      ok: true;
      drcId: string;
      reason: string;
      scores: Record<string, number>;
      explanation: PlacementExplanation;
    }
  | { ok: false; reason: string; excluded?: boolean };

/** The first exclusion that keeps a case from being placed at all, or null. */
export function exclusionOf(c: CaseForAssignment, rules: PolicyRules = DEFAULT_RULES): string | null {
  if (rules.excludeHeld && c.held) return 'held by another case';
  const hit = (c.indicators ?? []).find((i) => rules.excludedIndicators.includes(i));
  return hit ? `indicator ${hit}` : null;
}

/** Why this DRC cannot take this case, or null when it can. */
export function refusalOf(c: CaseForAssignment, d: DrcProfile, options: ChooseOptions = {}): string | null {
  if (!d.active) return 'inactive';
  if (options.excludeDrcs?.includes(d.id)) return 'excluded (the case was with it before)';
  if (options.tier && d.agencyTier !== options.tier) return `not a ${options.tier} agency`;
  if (!d.actions.includes(c.requiredAction)) return `not contracted for ${c.requiredAction}`;
  if (c.caseType && d.caseTypes && d.caseTypes.length > 0 && !d.caseTypes.includes(c.caseType))
    return `not contracted for case type ${c.caseType}`;
  if (d.regions.length > 0 && !d.regions.includes(c.region)) return `does not serve ${c.region}`;
  if (d.minArrearsCents !== undefined && c.arrearsCents < d.minArrearsCents)
    return `below its amount band (from ${d.minArrearsCents} cents)`;
  if (d.maxArrearsCents !== undefined && d.maxArrearsCents !== null && c.arrearsCents > d.maxArrearsCents)
    return `above its amount band (up to ${d.maxArrearsCents} cents)`;
  if (d.openCases >= d.capacity) return `at capacity ${d.capacity}`;
  return null;
}

/**
 * Picks the DRC for a new case: exclusions first (deceased, bankruptcy, dispute, do-not-contact, held cases are
 * not placed); then eligible DRCs (active, contracted for the action and the case type, serving the region, the
 * amount in their band, below capacity), the best performance band first, then the one that waited longest
 * (round-robin), then by id. Deterministic for the same inputs whatever their order; the explanation says which
 * rule decided and with which scores.
 */
export function chooseDrc(c: CaseForAssignment, drcs: DrcProfile[], options: ChooseOptions = {}): DrcChoice {
  const rules = options.rules ?? DEFAULT_RULES;
  const excluded = exclusionOf(c, rules);
  if (excluded) return { ok: false, excluded: true, reason: `Excluded from placement: ${excluded}.` };
  const refused: Record<string, string> = {};
  const sorted = [...drcs].sort((a, b) => a.id.localeCompare(b.id));
  const eligible = sorted.filter((d) => {
    const why = refusalOf(c, d, options);
    if (why) refused[d.id] = why;
    return why === null;
  });
  // Listed in the order given (the callers pass a stable order), so the message reads as the DRCs were checked.
  const refusals = drcs.filter((d) => refused[d.id]).map((d) => `${d.id}: ${refused[d.id]}`);
  if (eligible.length === 0) {
    return { ok: false, reason: `No eligible DRC (${refusals.join('; ') || 'no DRCs configured'}).` };
  }
  const band = (d: DrcProfile) => Math.floor(d.recoveryRate / rules.performanceBand + 1e-9);
  const ranked = [...eligible].sort(
    (a, b) =>
      band(b) - band(a) || (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') || a.id.localeCompare(b.id),
  );
  const chosen = ranked[0]!;
  const scores = Object.fromEntries(eligible.map((d) => [d.id, Number(d.recoveryRate.toFixed(3))]));
  const sameBand = eligible.filter((d) => band(d) === band(chosen)).length;
  const rule: PlacementExplanation['rule'] =
    sameBand === 1 && eligible.length > 1
      ? 'best recovery-rate band'
      : sameBand > 1
        ? 'round-robin among equals (waited longest)'
        : 'only eligible DRC';
  const explanation: PlacementExplanation = {
    rule,
    chosen: chosen.id,
    eligible: eligible.map((d) => d.id),
    refused,
    scores: Object.fromEntries(
      eligible.map((d) => [
        d.id,
        {
          recoveryRate: Number(d.recoveryRate.toFixed(3)),
          band: band(d),
          load: d.openCases,
          capacity: d.capacity,
          lastAssignedAt: d.lastAssignedAt,
        },
      ]),
    ),
  };
  return {
    ok: true,
    drcId: chosen.id,
    reason: `${rule}: ${chosen.name}; eligible ${eligible.map((d) => d.id).join(', ')}; load ${chosen.openCases + 1}/${chosen.capacity}`,
    scores,
    explanation,
  };
}

/** Recovered share of what was placed with a DRC over the window: the performance the policy weights by. */
export function recoveryRateOver(
  placements: { drcAssignedAt: Instant | null; arrearsCents: number; paidCents: number }[],
  windowDays: number,
  now: Instant,
): number {
  const from = new Date(Date.parse(now) - windowDays * 86_400_000).toISOString();
  let placed = 0;
  let paid = 0;
  for (const p of placements) {
    if (!p.drcAssignedAt || p.drcAssignedAt < from || p.drcAssignedAt > now) continue;
    placed += p.arrearsCents;
    paid += Math.min(p.paidCents, p.arrearsCents);
  }
  return placed === 0 ? 0 : Number((paid / placed).toFixed(4));
}
