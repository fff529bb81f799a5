import { log } from '../logs';
import { defineInt } from 'firebase-functions/params';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { accountSource, nowIso, REGION, SOURCE_TOKEN } from '../config';
import { resumeStalledImports } from '../services/bulkImport';
import { countDue, monitorTick, runDueMonitors } from '../services/monitorCases';

export const MONITOR_TOPIC = 'monitor-shards';
export const MONITOR_SCHEDULE = 'every 15 minutes';

const FANOUT_THRESHOLD = defineInt('MONITOR_FANOUT_THRESHOLD', {
  default: 500,
  description: 'Above this many due cases, a monitor run fans out by shard through Pub/Sub',
});

/** Every 15 minutes: look at the cases whose monitors are due (and only those). */
export const monitorSchedule = onSchedule(
  // Bound to the source token because it resumes stalled bulk imports, which read the source systems.
  {
    schedule: MONITOR_SCHEDULE,
    timeZone: 'Asia/Colombo',
    region: REGION,
    timeoutSeconds: 540,
    secrets: [SOURCE_TOKEN],
  },
  async () => {
    const now = nowIso();
    // Loaded here, not at the top: the Pub/Sub client costs ~0.3 s of every instance's cold start, and only
    // this schedule publishes.
    const { PubSub } = await import('@google-cloud/pubsub');
    const pubsub = new PubSub();
    const result = await monitorTick(now, {
      countDue,
      runDue: (at) => runDueMonitors(at),
      publishShard: async (shard, at) => {
        await pubsub.topic(MONITOR_TOPIC).publishMessage({ json: { shard, now: at } });
      },
      // Outside a deployed runtime params are unset: fall back to the declared default.
      fanOutThreshold: FANOUT_THRESHOLD.value() || 500,
    });
    log.info('monitor tick', { now, ...result });
    // Bulk imports whose runner died or whose trigger event was lost continue from here.
    const resumed = await resumeStalledImports({ source: accountSource(), now: nowIso });
    if (resumed.length > 0) log.info('imports resumed', { resumed });
  },
);
