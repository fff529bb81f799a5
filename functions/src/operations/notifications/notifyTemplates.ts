import { nowIso } from '../../config';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/notifications';
import {
  CUSTOMER_KINDS,
  TEMPLATE_VARIABLES,
  templatesWith,
  type TemplateOverrides,
} from '../../domain/notifications/templateCheck';
import { missingTranslations, TEMPLATES } from '../../domain/notifications/templates';
import { saveTemplates } from '../../services/notifications/saveTemplates';
import { storedTemplates } from '../../services/notifications/storedTemplates';

/**
 * What notifications say (docs/decisions/0021): an administrator edits any text in any language; texts not edited
 * stay as shipped. Every save is checked (only the variables the kind carries), versioned and audited.
 */
function viewOf(
  version: number,
  overrides: TemplateOverrides,
  meta: { updatedAt: string | null; updatedBy: string | null },
) {
  const templates = templatesWith(TEMPLATES, overrides);
  return {
    version,
    templates,
    defaults: TEMPLATES,
    overrides,
    variables: TEMPLATE_VARIABLES,
    customerKinds: CUSTOMER_KINDS,
    missing: missingTranslations(templates),
    ...meta,
  };
}

export const getNotificationTemplates = implement(contracts.getNotificationTemplates, async () => {
  const { version, overrides, ...meta } = await storedTemplates();
  return viewOf(version, overrides, meta);
});

export const saveNotificationTemplates = implement(contracts.saveNotificationTemplates, async (actor, input) => {
  const now = nowIso();
  const { version, overrides } = await saveTemplates(actor, input, now);
  return viewOf(version, overrides, { updatedAt: now, updatedBy: actor.uid });
});
