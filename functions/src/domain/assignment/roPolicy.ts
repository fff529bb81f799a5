import type { Instant } from '../model/time';
import type { RoAssignmentMode } from './policyConfig';

/** An RO as the DRC's assignment mode sees them (`users/{uid}` plus their current open-case count). */
export interface RoCandidate {
  uid: string;
  displayName: string;
  active: boolean;
  /** Cities or regions the RO covers (by_area); empty means none in particular. */
  areas: string[];
  /** Most open cases the RO should hold; null means no limit. */
  capacity: number | null;
  openCases: number;
  lastAssignedAt: Instant | null;
}

export type RoChoice =
  | { ok: true; roId: string; rule: string; reason: string; scores: Record<string, number> }
  | { ok: false; reason: string };

const norm = (s: string) => s.trim().toLowerCase();

const byWaited = (a: RoCandidate, b: RoCandidate) =>
  (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') || a.uid.localeCompare(b.uid);
const byLoad = (a: RoCandidate, b: RoCandidate) => a.openCases - b.openCases || byWaited(a, b);

/**
 * Chooses the RO for a case a DRC holds, by the DRC's mode: round_robin (the RO who waited longest since their
 * last automatic assignment), least_loaded (fewest open cases), by_area (an RO whose areas name the customer's
 * city, else region; least loaded among them). Inactive ROs and ROs at their capacity are never chosen; ties go
 * to the RO who waited longest, then by uid, so the same inputs always give the same RO.
 */
export function chooseRo(
  mode: RoAssignmentMode,
  customer: { city: string; region: string },
  ros: RoCandidate[],
  exclude: string[] = [],
): RoChoice {
  if (mode === 'manual') return { ok: false, reason: 'The DRC assigns its ROs by hand.' };
  const available = ros.filter(
    (r) => r.active && !exclude.includes(r.uid) && (r.capacity === null || r.openCases < r.capacity),
  );
  if (available.length === 0) return { ok: false, reason: 'No RO of the DRC is active and below capacity.' };
  const scores = Object.fromEntries(available.map((r) => [r.uid, r.openCases]));
  if (mode === 'round_robin') {
    const chosen = [...available].sort(byWaited)[0]!;
    return { ok: true, roId: chosen.uid, rule: 'round_robin', reason: `round-robin: ${chosen.displayName}`, scores };
  }
  if (mode === 'least_loaded') {
    const chosen = [...available].sort(byLoad)[0]!;
    return {
      ok: true,
      roId: chosen.uid,
      rule: 'least_loaded',
      reason: `least loaded: ${chosen.displayName} (${chosen.openCases} open)`,
      scores,
    };
  }
  const city = norm(customer.city);
  const region = norm(customer.region);
  const inCity = available.filter((r) => r.areas.some((a) => norm(a) === city));
  const inRegion = available.filter((r) => r.areas.some((a) => norm(a) === region));
  const pool = inCity.length > 0 ? inCity : inRegion;
  if (pool.length === 0) return { ok: false, reason: `No available RO covers ${customer.city} or ${customer.region}.` };
  const chosen = [...pool].sort(byLoad)[0]!;
  return {
    ok: true,
    roId: chosen.uid,
    rule: 'by_area',
    reason: `by area (${inCity.length > 0 ? customer.city : customer.region}): ${chosen.displayName}`,
    scores,
  };
}
