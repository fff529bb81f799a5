import { routingOverridesSchema, routingWith, type RoutingTable } from '../../domain/notifications/routing';
import { COL, firestore } from '../../data/db';
import { readDoc } from '../../data/ops';
import { log } from '../../logs';
import { settingCache } from './settingCache';

export const ROUTING_DOC = 'notifyRouting';
export const routingRef = () => firestore().collection(COL.settings).doc(ROUTING_DOC);

/**
 * The routing table in force: `settings/notifyRouting` over the defaults. A stored document that no longer
 * parses (edited by hand, or from an older version) is reported and the defaults apply: nobody goes unnotified.
 */
const routing = settingCache<RoutingTable>(async () => {
  const snap = await readDoc(routingRef());
  const parsed = routingOverridesSchema.safeParse(snap.exists ? (snap.get('overrides') ?? {}) : {});
  if (!parsed.success) log.error('settings/notifyRouting does not parse; using the default routing', {});
  return routingWith(parsed.success ? parsed.data : null);
});

export const currentRouting = (now = Date.now()): Promise<RoutingTable> => routing.get(now);
export const forgetRouting = (): void => routing.forget();
