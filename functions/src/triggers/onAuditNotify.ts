import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { nowIso, REGION } from '../config';
import type { AuditLike } from '../domain/notifications/events';
import { followUpConfig } from '../notifications/followUpParams';
import { notifyFromAudit } from '../services/notifications/fromAudit';

/** Every audited case change may notify people (docs/decisions/0011); the audit event id keys everything it causes. */
export const onAuditNotify = onDocumentCreated({ document: 'audit/{eventId}', region: REGION }, async (event) => {
  const data = event.data?.data() as Omit<AuditLike, 'id'> | undefined;
  if (!data) return;
  await notifyFromAudit(event.params.eventId, data, nowIso(), followUpConfig());
});
