/**
 * Every deployed function. Triggers live in triggers/, one per file; every callable is an operation of the
 * registry (functions/src/operations, contracts in domain/contracts), wired in one loop below. All are thin and
 * call services/ (Firestore) and domain/ (pure rules).
 */
import './globalOptions';
import { callableFunctions } from './api/callables';

export { onRequestCreated } from './triggers/onRequestCreated';
export { onCaseCreated } from './triggers/onCaseCreated';
export { monitorSchedule } from './triggers/monitorSchedule';
export { onMonitorShard } from './triggers/onMonitorShard';
export { backupFirestore } from './triggers/backupFirestore';
export { onImportWritten } from './triggers/onImportWritten';
export { sourceWebhook } from './webhooks/sourceWebhook';
export { cpePhotos } from './webhooks/cpePhotos';
export { onSourceChangeCreated } from './triggers/onSourceChangeCreated';
export { syncDataLakeSchedule } from './triggers/syncDataLakeSchedule';
export { sweepPendingSchedule } from './triggers/sweepPending';
export { api } from './api/rest';
export { onAuditNotify } from './triggers/onAuditNotify';
export { onNotificationCreated } from './triggers/onNotificationCreated';
export { notifySchedule } from './triggers/notifySchedule';
export { onImportNotify } from './triggers/onImportNotify';
export { twilioStatus } from './triggers/twilioStatus';
export { twilioInbound } from './webhooks/twilioInbound';

// The registry's callables, one per operation: the Functions runtime reads these CommonJS exports like the ones above.
Object.assign(module.exports, callableFunctions());
