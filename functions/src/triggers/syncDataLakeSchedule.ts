import { onSchedule } from 'firebase-functions/v2/scheduler';
import { LAKE_BASE_URL, nowIso, REGION, SOURCE_TOKEN, sourceToken } from '../config';
import { log } from '../logs';
import { syncDataLake } from '../services/lakeSync';
import { readLakePage } from '../sources/lakeFeed';

export const LAKE_SCHEDULE = 'every 10 minutes';

/** New incidents and changes from the data lake, on a schedule (the webhook brings changes at once). */
export const syncDataLakeSchedule = onSchedule(
  { schedule: LAKE_SCHEDULE, timeZone: 'Asia/Colombo', region: REGION, timeoutSeconds: 300, secrets: [SOURCE_TOKEN] },
  async () => {
    const base = (LAKE_BASE_URL.value() || process.env.LAKE_BASE_URL || '').trim();
    if (!base) return;
    const token = sourceToken();
    const stats = await syncDataLake((after) => readLakePage(base, after, 500, { token }), nowIso());
    log.info('data lake sync', { ...stats });
  },
);
