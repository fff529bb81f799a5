import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { nowIso, REGION } from '../config';
import { diffFields, EMPTY_HEAD } from '../domain/audit/chain';
import type { AuditHead } from '../domain/model/case';
import {
  CUSTOMER_KINDS,
  TEMPLATE_VARIABLES,
  templateOverrideProblems,
  templatesWith,
  type TemplateOverrides,
} from '../domain/notifications/templateCheck';
import { templateOverridesSchema } from '../domain/notifications/templateSchema';
import { missingTranslations, TEMPLATES } from '../domain/notifications/templates';
import type { NotificationTemplatesView } from '../api/inboxContract';
import { appendAudit } from '../data/audit';
import { readDoc, runTx } from '../data/ops';
import { forgetTemplates, storedTemplateOverrides, templatesRef } from '../services/notifications/templateConfig';
import { callerActor, parseInput } from '../api/caller';

/**
 * What notifications say (docs/decisions/0021): an administrator edits any text in
 * any language; texts not edited stay as shipped. Every save is checked (only the variables the kind carries),
 * versioned (a stale form is refused) and audited.
 */
type Req = Pick<CallableRequest, 'auth' | 'data'>;

const READERS = ['admin', 'supervisor', 'recovery_officer', 'auditor'];

const saveInput = z.strictObject({
  expectedVersion: z.number().int().min(0),
  overrides: templateOverridesSchema,
});

function viewOf(
  version: number,
  overrides: TemplateOverrides,
  meta: { updatedAt: string | null; updatedBy: string | null },
): NotificationTemplatesView {
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

export async function getNotificationTemplatesHandler(request: Req): Promise<NotificationTemplatesView> {
  const actor = await callerActor(request);
  if (!READERS.includes(actor.role))
    throw new HttpsError('permission-denied', `A ${actor.role} may not read the notification templates.`);
  const snap = await readDoc(templatesRef());
  return viewOf((snap.get('version') as number | undefined) ?? 0, storedTemplateOverrides(snap.get('overrides')), {
    updatedAt: (snap.get('updatedAt') as string | undefined) ?? null,
    updatedBy: (snap.get('updatedBy') as string | undefined) ?? null,
  });
}

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

export async function saveNotificationTemplatesHandler(request: Req): Promise<NotificationTemplatesView> {
  const actor = await callerActor(request);
  if (actor.role !== 'admin')
    throw new HttpsError('permission-denied', `A ${actor.role} may not change the notification templates.`);
  const input = parseInput(saveInput, request.data);
  const problems = templateOverrideProblems(input.overrides);
  if (Object.keys(problems).length > 0)
    throw new HttpsError('invalid-argument', 'Please correct the templates.', { fields: problems });
  const overrides = realEdits(input.overrides);
  const now = nowIso();
  const version = await runTx(async (tx) => {
    const snap = await tx.get(templatesRef());
    const current = (snap.get('version') as number | undefined) ?? 0;
    if (current !== input.expectedVersion) {
      throw new HttpsError(
        'failed-precondition',
        `The templates changed meanwhile (version ${current}); reload them.`,
        {
          fields: { expectedVersion: `is ${input.expectedVersion}, the templates are at ${current}` },
        },
      );
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
  return viewOf(version, overrides, { updatedAt: now, updatedBy: actor.uid });
}

export const getNotificationTemplates = onCall({ region: REGION }, getNotificationTemplatesHandler);
export const saveNotificationTemplates = onCall({ region: REGION }, saveNotificationTemplatesHandler);
