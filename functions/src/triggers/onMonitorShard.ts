import { log } from '../logs';
import { onMessagePublished } from 'firebase-functions/v2/pubsub';
import { z } from 'zod';
import { REGION } from '../config';
import { MONITOR_SHARDS } from '../domain/model/case';
import { runDueMonitors } from '../services/monitorCases';
import { MONITOR_TOPIC } from './monitorSchedule';

const message = z.strictObject({
  shard: z
    .number()
    .int()
    .min(0)
    .max(MONITOR_SHARDS - 1),
  now: z.iso.datetime(),
});

/** One shard of a fanned-out monitor run. Redelivery is harmless: processed cases are no longer due. */
export const onMonitorShard = onMessagePublished(
  { topic: MONITOR_TOPIC, region: REGION, timeoutSeconds: 540 },
  async (event) => {
    const parsed = message.safeParse(event.data.message.json);
    if (!parsed.success) {
      log.error('malformed monitor shard message', { issues: parsed.error.issues });
      return;
    }
    const stats = await runDueMonitors(parsed.data.now, { shard: parsed.data.shard });
    log.info('monitor shard done', { ...parsed.data, ...stats });
  },
);
