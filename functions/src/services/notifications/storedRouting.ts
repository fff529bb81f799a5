import { readDoc } from '../../data/ops';
import { routingOverridesSchema, type RoutingOverrides } from '../../domain/notifications/routing';
import { routingRef } from './routingConfig';

/** The configured routing as stored: its version and the kinds an administrator configured (none if unreadable). */
export async function storedRouting(): Promise<{ version: number; overrides: RoutingOverrides }> {
  const snap = await readDoc(routingRef());
  const stored = routingOverridesSchema.safeParse(snap.get('overrides') ?? {});
  return { version: (snap.get('version') as number | undefined) ?? 0, overrides: stored.success ? stored.data : {} };
}
