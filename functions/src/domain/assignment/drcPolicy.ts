import type { RequiredAction } from '../model/case';
import type { Instant } from '../model/time';

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
  /** Recovered share of assigned amounts over the recent window, 0..1. */
  recoveryRate: number;
  lastAssignedAt: Instant | null;
}

export interface CaseForAssignment {
  requiredAction: RequiredAction;
  region: string;
  arrearsCents: number;
}

export type DrcChoice =
  { ok: true; drcId: string; reason: string; scores: Record<string, number> } | { ok: false; reason: string };

/** Performance breaks ties only in bands, so a slightly better DRC does not take every case. */
const PERFORMANCE_BAND = 0.1;

/**
 * Picks the DRC for a new case: eligible DRCs (active, contracted for the action, serving the region,
 * below capacity), the best performance band first, then the one that waited longest (round-robin),
 * then by id. Deterministic for the same inputs; the reason says which rule decided.
 */
export function chooseDrc(c: CaseForAssignment, drcs: DrcProfile[]): DrcChoice {
  const refusals: string[] = [];
  const eligible = drcs.filter((d) => {
    if (!d.active) return refusals.push(`${d.id}: inactive`) && false;
    if (!d.actions.includes(c.requiredAction))
      return refusals.push(`${d.id}: not contracted for ${c.requiredAction}`) && false;
    if (d.regions.length > 0 && !d.regions.includes(c.region))
      return refusals.push(`${d.id}: does not serve ${c.region}`) && false;
    if (d.openCases >= d.capacity) return refusals.push(`${d.id}: at capacity ${d.capacity}`) && false;
    return true;
  });
  if (eligible.length === 0) {
    return { ok: false, reason: `No eligible DRC (${refusals.join('; ') || 'no DRCs configured'}).` };
  }
  const band = (d: DrcProfile) => Math.floor(d.recoveryRate / PERFORMANCE_BAND);
  const ranked = [...eligible].sort(
    (a, b) =>
      band(b) - band(a) || (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') || a.id.localeCompare(b.id),
  );
  const chosen = ranked[0]!;
  const scores = Object.fromEntries(eligible.map((d) => [d.id, Number(d.recoveryRate.toFixed(3))]));
  const sameBand = eligible.filter((d) => band(d) === band(chosen)).length;
  const rule =
    sameBand === 1 && eligible.length > 1
      ? 'best recovery-rate band'
      : sameBand > 1
        ? 'round-robin among equals (waited longest)'
        : 'only eligible DRC';
  return {
    ok: true,
    drcId: chosen.id,
    reason: `${rule}: ${chosen.name}; eligible ${eligible
      .map((d) => d.id)
      .sort()
      .join(', ')}; load ${chosen.openCases + 1}/${chosen.capacity}`,
    scores,
  };
}
