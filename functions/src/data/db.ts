import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';

let db: Firestore | undefined;

/** The one Firestore handle of this process (the Admin SDK; FIRESTORE_EMULATOR_HOST points it locally). */
export function firestore(): Firestore {
  if (!db) {
    // The project is named explicitly when the environment gives one, so the client never has to detect it lazily.
    const projectId = process.env.GCLOUD_PROJECT ?? process.env.GOOGLE_CLOUD_PROJECT;
    if (getApps().length === 0) initializeApp(projectId ? { projectId } : undefined);
    db = getFirestore();
    db.settings({ ignoreUndefinedProperties: true });
  }
  return db;
}

/** Collection names in one place: a newcomer finds every top-level collection here. */
export const COL = {
  cases: 'cases',
  requests: 'requests',
  audit: 'audit',
  users: 'users',
  drcs: 'drcs',
  /** `{accountNumber}_{action}` → the open case: makes duplicates impossible, not just unlikely. */
  openCases: 'openCases',
  caseTypes: 'caseTypes',
  meta: 'meta',
  /** Mirror of every case's RO requests (`roRequests/{id}`), so an RO and the officers can list them. */
  roRequests: 'roRequests',
  /** Mirror of every case's maker-checker approvals (`approvals/{id}`), so supervisors can list pending ones. */
  approvals: 'approvals',
  /** `settings/assignmentPolicy`: the assignment policy's rules (DRC terms are on the DRC documents). */
  settings: 'settings',
  /** `bulkOps/{operationId}`: a bulk reassignment or recall and its per-case results (idempotency). */
  bulkOps: 'bulkOps',
  /** `{customerKey}` → who is working with that customer now: a short lease (docs/decisions/0016). */
  presence: 'presence',
  /** `{source}:{paymentId}` → the one case a source payment credited, and any credit it left (decision 0028). */
  sourcePayments: 'sourcePayments',
  /** Changes the source systems reported (webhook, file drop, data lake), each applied once (decision 0027). */
  sourceChanges: 'sourceChanges',
  /** Bulk imports: the job, its `chunks` subcollection, and one results document per chunk (decision 0033). */
  imports: 'imports',
  importChunks: 'chunks',
  importResults: 'importResults',
  /** Outbound SMS and email: the delivery state machine (domain/notifications/delivery.ts). */
  notifications: 'notifications',
  /** One document per send attempt and per provider status callback: the audit of delivery. */
  notificationAttempts: 'notificationAttempts',
  /** In-app notifications, one per user and event, readable by their owner. */
  inbox: 'inbox',
  /** Per-user notification preferences. */
  notificationPrefs: 'notificationPrefs',
  /** One per notifying event: the idempotency marker and the log of what it caused. */
  notifyEvents: 'notifyEvents',
  /** Per-case follow-up schedule; `nextAt` is what the scheduled function queries. */
  notifySchedule: 'notifySchedule',
  /** Per-customer contact history and opt-out: what the compliance gate reads. */
  customerContacts: 'customerContacts',
  /** `{phone in E.164}` → the number's SMS opt-out (STOP / START), covering every case with that number. */
  contactPreferences: 'contactPreferences',
  /** `{Twilio MessageSid}` → an inbound SMS worked once (the opt-out webhook's idempotency marker). */
  inboundSms: 'inboundSms',
} as const;
