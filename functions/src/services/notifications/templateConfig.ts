import { templatesWith, type TemplateOverrides } from '../../domain/notifications/templateCheck';
import { templateOverridesSchema } from '../../domain/notifications/templateSchema';
import { TEMPLATES, type TemplateTable } from '../../domain/notifications/templates';
import { COL, firestore } from '../../data/db';
import { readDoc } from '../../data/ops';
import { log } from '../../logs';

export const TEMPLATES_DOC = 'notifyTemplates';
export const templatesRef = () => firestore().collection(COL.settings).doc(TEMPLATES_DOC);

/** Like the routing: read often, changed rarely; one read per instance per half minute. */
const TTL_MS = 30_000;
let cached: { at: number; table: TemplateTable } | null = null;

export function forgetTemplates(): void {
  cached = null;
}

/** The stored edits, or none when the document is missing or no longer parses (reported: the shipped texts apply). */
export function storedTemplateOverrides(data: unknown): TemplateOverrides {
  const parsed = templateOverridesSchema.safeParse(data ?? {});
  if (!parsed.success) log.error('settings/notifyTemplates does not parse; using the shipped templates', {});
  return parsed.success ? parsed.data : {};
}

/** The templates in force: `settings/notifyTemplates` over the shipped ones (domain/notifications/templates.ts). */
export async function currentTemplates(now = Date.now()): Promise<TemplateTable> {
  if (cached && now - cached.at < TTL_MS) return cached.table;
  const snap = await readDoc(templatesRef());
  cached = { at: now, table: templatesWith(TEMPLATES, storedTemplateOverrides(snap.get('overrides'))) };
  return cached.table;
}
