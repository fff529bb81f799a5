import { appendAudit } from '../../data/audit';
import { runTx } from '../../data/ops';
import { diffFields, EMPTY_HEAD } from '../../domain/audit/chain';
import type { AuditHead } from '../../domain/model/case';
import type { Actor } from '../../domain/model/roles';
import { routingProblems, type RoutingOverrides } from '../../domain/notifications/routing';
import type { TemplateTable } from '../../domain/notifications/templates';
import { Refusal } from '../../domain/refusal';
import { forgetRouting, routingRef } from './routingConfig';
import { currentTemplates } from './templateConfig';

/**
 * Replaces the configured routing (kinds left out keep the defaults) as the next version: a stale form is
 * refused, and the save is audited on the routing document's own chain. Answers the new version and the
 * templates the routing was checked against.
 */
export async function saveRouting(
  actor: Actor,
  input: { expectedVersion: number; overrides: RoutingOverrides },
  now: string,
): Promise<{ version: number; templates: TemplateTable }> {
  // A customer rule needs a customer text, shipped or written on the templates screen.
  const templates = await currentTemplates();
  const problems = routingProblems(input.overrides, templates);
  if (Object.keys(problems).length > 0)
    throw new Refusal('invalid-argument', 'Please correct the routing.', { fields: problems });
  const version = await runTx(async (tx) => {
    const snap = await tx.get(routingRef());
    const current = (snap.get('version') as number | undefined) ?? 0;
    if (current !== input.expectedVersion) {
      throw new Refusal('failed-precondition', `The routing changed meanwhile (version ${current}); reload it.`, {
        fields: { expectedVersion: `is ${input.expectedVersion}, the routing is at ${current}` },
      });
    }
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
  return { version, templates };
}
