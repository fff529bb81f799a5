import { templatesWith, type TemplateOverrides } from '../../domain/notifications/templateCheck';
import { templateOverridesSchema } from '../../domain/notifications/templateSchema';
import { TEMPLATES, type TemplateTable } from '../../domain/notifications/templates';
import { COL, firestore } from '../../data/db';
import { readDoc } from '../../data/ops';
import { log } from '../../logs';
import { settingCache } from './settingCache';

export const TEMPLATES_DOC = 'notifyTemplates';
export const templatesRef = () => firestore().collection(COL.settings).doc(TEMPLATES_DOC);

/** The stored edits, or none when the document is missing or no longer parses (reported: the shipped texts apply). */
export function storedTemplateOverrides(data: unknown): TemplateOverrides {
  const parsed = templateOverridesSchema.safeParse(data ?? {});
  if (!parsed.success) log.error('settings/notifyTemplates does not parse; using the shipped templates', {});
  return parsed.success ? parsed.data : {};
}

/** The templates in force: `settings/notifyTemplates` over the shipped ones (domain/notifications/templates.ts). */
const templates = settingCache<TemplateTable>(async () => {
  const snap = await readDoc(templatesRef());
  return templatesWith(TEMPLATES, storedTemplateOverrides(snap.get('overrides')));
});

export const currentTemplates = (now = Date.now()): Promise<TemplateTable> => templates.get(now);
export const forgetTemplates = (): void => templates.forget();
