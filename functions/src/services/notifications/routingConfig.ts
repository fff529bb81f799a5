import { routingOverridesSchema, routingWith, type RoutingTable } from '../../domain/notifications/routing';
import { COL, firestore } from '../../data/db';
import { readDoc } from '../../data/ops';
import { log } from '../../logs';

export const ROUTING_DOC = 'notifyRouting';
export const routingRef = () => firestore().collection(COL.settings).doc(ROUTING_DOC);

/** Routing is read often and changed rarely: one read per instance per half minute. */
const TTL_MS = 30_000;
let cached: { at: number; table: RoutingTable } | null = null;

export function forgetRouting(): void {
  cached = null;
}

/**
 * The routing table in force: `settings/notifyRouting` over the defaults. A stored document that no longer
 * parses (edited by hand, or from an older version) is reported and the defaults apply: nobody goes unnotified.
 */
export async function currentRouting(now = Date.now()): Promise<RoutingTable> {
  if (cached && now - cached.at < TTL_MS) return cached.table;
  const snap = await readDoc(routingRef());
  const parsed = routingOverridesSchema.safeParse(snap.exists ? (snap.get('overrides') ?? {}) : {});
  if (!parsed.success) log.error('settings/notifyRouting does not parse; using the default routing', {});
  cached = { at: now, table: routingWith(parsed.success ? parsed.data : null) };
  return cached.table;
}
