import { appendAudit } from '../../data/audit';
import { runTx } from '../../data/ops';
import { diffFields, EMPTY_HEAD } from '../../domain/audit/chain';
import type { AuditHead } from '../../domain/model/case';
import type { Actor } from '../../domain/model/roles';
import { templateOverrideProblems, type TemplateOverrides } from '../../domain/notifications/templateCheck';
import { TEMPLATES } from '../../domain/notifications/templates';
import { Refusal } from '../../domain/refusal';
import { forgetTemplates, templatesRef } from './templateConfig';

/** Drops edits identical to the shipped text, so "edited" means different and a reset needs no special case. */
function realEdits(overrides: TemplateOverrides): TemplateOverrides {
  const out: TemplateOverrides = {};
  for (const [language, byKey] of Object.entries(overrides) as [keyof TemplateOverrides, Record<string, never>][]) {
    for (const [key, t] of Object.entries(byKey ?? {}) as [string, { subject: string; body: string }][]) {
      const shipped = (TEMPLATES[language] as Record<string, { subject: string; body: string } | undefined>)[key];
      const edit = { subject: t.subject.trim(), body: t.body.trim() };
      if (shipped && shipped.subject === edit.subject && shipped.body === edit.body) continue;
      // An emptied text with nothing shipped under it is no edit (a customer SMS started and abandoned).
      if (!shipped && !edit.subject && !edit.body) continue;
      (out[language] ??= {})[key as never] = edit as never;
    }
  }
  return out;
}

/**
 * Replaces the edited texts as the next version: every text is checked (only the variables its kind carries), a
 * stale form is refused, and the save is audited on the templates document's own chain. Answers the new version
 * and the edits as stored.
 */
export async function saveTemplates(
  actor: Actor,
  input: { expectedVersion: number; overrides: TemplateOverrides },
  now: string,
): Promise<{ version: number; overrides: TemplateOverrides }> {
  const problems = templateOverrideProblems(input.overrides);
  if (Object.keys(problems).length > 0)
    throw new Refusal('invalid-argument', 'Please correct the templates.', { fields: problems });
  const overrides = realEdits(input.overrides);
  const version = await runTx(async (tx) => {
    const snap = await tx.get(templatesRef());
    const current = (snap.get('version') as number | undefined) ?? 0;
    if (current !== input.expectedVersion) {
      throw new Refusal('failed-precondition', `The templates changed meanwhile (version ${current}); reload them.`, {
        fields: { expectedVersion: `is ${input.expectedVersion}, the templates are at ${current}` },
      });
    }
    const before = (snap.get('overrides') as Record<string, unknown> | undefined) ?? {};
    const edited = Object.entries(overrides).flatMap(([language, byKey]) =>
      Object.keys(byKey ?? {}).map((key) => `${language}:${key}`),
    );
    const head = appendAudit(tx, (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD, {
      entity: `${templatesRef().parent.id}/${templatesRef().id}`,
      at: now,
      actor: { uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null },
      action: 'notifyTemplates/save',
      summary: `Notification templates v${current + 1}: ${edited.join(', ') || 'all as shipped'}`,
      requestId: null,
      ...diffFields(before, overrides as Record<string, unknown>),
      details: {},
      transitions: [],
    });
    tx.set(templatesRef(), { overrides, version: current + 1, updatedAt: now, updatedBy: actor.uid, audit: head });
    return current + 1;
  });
  forgetTemplates();
  return { version, overrides };
}
