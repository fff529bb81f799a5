import { onSchedule } from 'firebase-functions/v2/scheduler';
import { accountSource, nowIso, REGION, SOURCE_TOKEN } from '../config';
import { log } from '../logs';
import { sweepPending } from '../services/sweep';

export const SWEEP_SCHEDULE = 'every 5 minutes';

/**
 * Every 5 minutes: nothing is left PENDING for ever. Re-drives requests and source changes a trigger did not
 * finish, and deferred DRC placements that are due (docs/decisions/0027-retries-and-the-sweep.md).
 */
export const sweepPendingSchedule = onSchedule(
  // Bound to the source token because a re-driven registration reads the source systems.
  { schedule: SWEEP_SCHEDULE, timeZone: 'Asia/Colombo', region: REGION, timeoutSeconds: 300, secrets: [SOURCE_TOKEN] },
  async () => {
    const now = nowIso();
    const result = await sweepPending(now, { source: accountSource(), now: nowIso });
    if (result.requests + result.sourceChanges + result.placements + result.failures > 0) {
      log.info('sweep', { now, ...result });
    }
  },
);
