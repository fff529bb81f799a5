import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { nowIso, REGION } from '../config';
import { diffFields, EMPTY_HEAD } from '../domain/audit/chain';
import type { AuditHead } from '../domain/model/case';
import {
  AUDIENCES,
  CHANNELS,
  DEFAULT_ROUTING,
  routingOverridesSchema,
  routingProblems,
  routingWith,
} from '../domain/notifications/routing';
import type { NotificationRoutingView } from '../api/inboxContract';
import { appendAudit } from '../data/audit';
import { readDoc, runTx } from '../data/ops';
import { forgetRouting, routingRef } from '../services/notifications/routingConfig';
import { currentTemplates } from '../services/notifications/templateConfig';
import type { TemplateTable } from '../domain/notifications/templates';
import { callerActor, parseInput } from '../api/caller';

/**
 * Who receives what is configuration: an administrator replaces the rules of any event kind;
 * kinds not configured keep the defaults. Every save is versioned (a stale form is refused) and audited.
 */
type Req = Pick<CallableRequest, 'auth' | 'data'>;

const saveInput = z.strictObject({
  expectedVersion: z.number().int().min(0),
  overrides: routingOverridesSchema,
});

function viewOf(
  version: number,
  overrides: Record<string, unknown>,
  templates: TemplateTable,
): NotificationRoutingView {
  return {
    version,
    routing: routingWith(overrides as never),
    configured: Object.keys(overrides),
    defaults: DEFAULT_ROUTING,
    audiences: AUDIENCES,
    channels: CHANNELS,
    templates,
  };
}

export async function getNotificationRoutingHandler(request: Req): Promise<NotificationRoutingView> {
  const actor = await callerActor(request);
  if (!['admin', 'supervisor', 'recovery_officer', 'auditor'].includes(actor.role))
    throw new HttpsError('permission-denied', `A ${actor.role} may not read the notification routing.`);
  const snap = await readDoc(routingRef());
  const stored = routingOverridesSchema.safeParse(snap.get('overrides') ?? {});
  return viewOf(
    (snap.get('version') as number | undefined) ?? 0,
    stored.success ? stored.data : {},
    await currentTemplates(),
  );
}

export async function saveNotificationRoutingHandler(request: Req): Promise<NotificationRoutingView> {
  const actor = await callerActor(request);
  if (actor.role !== 'admin')
    throw new HttpsError('permission-denied', `A ${actor.role} may not change the notification routing.`);
  const input = parseInput(saveInput, request.data);
  // A customer rule needs a customer text, shipped or written on the templates screen.
  const templates = await currentTemplates();
  const problems = routingProblems(input.overrides, templates);
  if (Object.keys(problems).length > 0)
    throw new HttpsError('invalid-argument', 'Please correct the routing.', { fields: problems });
  const version = await runTx(async (tx) => {
    const snap = await tx.get(routingRef());
    const current = (snap.get('version') as number | undefined) ?? 0;
    if (current !== input.expectedVersion) {
      throw new HttpsError('failed-precondition', `The routing changed meanwhile (version ${current}); reload it.`, {
        fields: { expectedVersion: `is ${input.expectedVersion}, the routing is at ${current}` },
      });
    }
    const now = nowIso();
    const before = (snap.get('overrides') as Record<string, unknown> | undefined) ?? {};
    const head = appendAudit(tx, (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD, {
      entity: `${routingRef().parent.id}/${routingRef().id}`,
      at: now,
      actor: { uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null },
      action: 'notifyRouting/save',
      summary: `Notification routing v${current + 1}: ${Object.keys(input.overrides).join(', ') || 'all defaults'}`,
      requestId: null,
      ...diffFields(before, input.overrides as Record<string, unknown>),
      details: {},
      transitions: [],
    });
    tx.set(routingRef(), {
      overrides: input.overrides,
      version: current + 1,
      updatedAt: now,
      updatedBy: actor.uid,
      audit: head,
    });
    return current + 1;
  });
  forgetRouting();
  return viewOf(version, input.overrides, templates);
}

export const getNotificationRouting = onCall({ region: REGION }, getNotificationRoutingHandler);
export const saveNotificationRouting = onCall({ region: REGION }, saveNotificationRoutingHandler);
