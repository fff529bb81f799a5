import { readDoc } from '../../data/ops';
import type { TemplateOverrides } from '../../domain/notifications/templateCheck';
import { storedTemplateOverrides, templatesRef } from './templateConfig';

/** The administrator's template edits as stored, with their version and who saved them last. */
export async function storedTemplates(): Promise<{
  version: number;
  overrides: TemplateOverrides;
  updatedAt: string | null;
  updatedBy: string | null;
}> {
  const snap = await readDoc(templatesRef());
  return {
    version: (snap.get('version') as number | undefined) ?? 0,
    overrides: storedTemplateOverrides(snap.get('overrides')),
    updatedAt: (snap.get('updatedAt') as string | undefined) ?? null,
    updatedBy: (snap.get('updatedBy') as string | undefined) ?? null,
  };
}
