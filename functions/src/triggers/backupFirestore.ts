import { v1 } from '@google-cloud/firestore';
import { log } from '../logs';
import { defineString } from 'firebase-functions/params';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { REGION } from '../config';
import { exportFirestore } from '../services/backup';

// An empty default keeps deploys and the emulators non-interactive; an unset bucket is reported on each run.
const BACKUP_BUCKET = defineString('BACKUP_BUCKET', {
  default: '',
  description: 'Cloud Storage bucket (no gs://) for the daily Firestore export; see docs/operations.md',
});

/** Every night at 02:00 Colombo time: a managed export of the whole database (restore: docs/operations.md). */
export const backupFirestore = onSchedule(
  { schedule: 'every day 02:00', timeZone: 'Asia/Colombo', region: REGION, timeoutSeconds: 300 },
  async () => {
    const project = process.env.GCLOUD_PROJECT ?? '';
    if (!BACKUP_BUCKET.value()) {
      log.error('backup skipped: BACKUP_BUCKET is not set (docs/operations.md)', { project });
      return;
    }
    const result = await exportFirestore(
      new v1.FirestoreAdminClient(),
      project,
      BACKUP_BUCKET.value(),
      new Date().toISOString(),
    );
    log.info('firestore export started', result);
  },
);
