import { nowIso } from '../../config';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/notifications';
import {
  AUDIENCES,
  CHANNELS,
  DEFAULT_ROUTING,
  routingWith,
  type RoutingOverrides,
} from '../../domain/notifications/routing';
import type { TemplateTable } from '../../domain/notifications/templates';
import { saveRouting } from '../../services/notifications/saveRouting';
import { storedRouting } from '../../services/notifications/storedRouting';
import { currentTemplates } from '../../services/notifications/templateConfig';

/**
 * Who receives what is configuration: an administrator replaces the rules of any event kind; kinds not configured
 * keep the defaults. Every save is versioned (a stale form is refused) and audited.
 */
function viewOf(version: number, overrides: RoutingOverrides, templates: TemplateTable) {
  return {
    version,
    routing: routingWith(overrides),
    configured: Object.keys(overrides),
    defaults: DEFAULT_ROUTING,
    audiences: AUDIENCES,
    channels: CHANNELS,
    templates,
  };
}

export const getNotificationRouting = implement(contracts.getNotificationRouting, async () => {
  const { version, overrides } = await storedRouting();
  return viewOf(version, overrides, await currentTemplates());
});

export const saveNotificationRouting = implement(contracts.saveNotificationRouting, async (actor, input) => {
  const { version, templates } = await saveRouting(actor, input, nowIso());
  return viewOf(version, input.overrides, templates);
});
