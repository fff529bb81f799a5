import { v1 } from '@google-cloud/firestore';
import { log } from '../logs';
import { defineString } from 'firebase-functions/params';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { REGION } from '../config';
import { exportFirestore } from '../services/backup';

const BACKUP_BUCKET = defineString('BACKUP_BUCKET', {
  description: 'Cloud Storage bucket (no gs://) for the daily Firestore export; see docs/operations.md',
});

/** Every night at 02:00 Colombo time: a managed export of the whole database (restore: docs/operations.md). */
export const backupFirestore = onSchedule(
  { schedule: 'every day 02:00', timeZone: 'Asia/Colombo', region: REGION, timeoutSeconds: 300 },
  async () => {
    const project = process.env.GCLOUD_PROJECT ?? '';
    const result = await exportFirestore(
      new v1.FirestoreAdminClient(),
      project,
      BACKUP_BUCKET.value(),
      new Date().toISOString(),
    );
    log.info('firestore export started', result);
  },
);
