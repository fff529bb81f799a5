import { onSchedule } from 'firebase-functions/v2/scheduler';
import { nowIso, REGION } from '../config';
import { log } from '../logs';
import { configuredProviders } from '../notifications/providers';
import { NOTIFY_SECRETS } from '../notifications/providers/config';
import { sweepOutbox } from '../services/notifications/deliver';
import { runDailyDigest, runDueFollowUps } from '../services/notifications/followUps';

export const NOTIFY_SCHEDULE = 'every 5 minutes';

/**
 * Every 5 minutes: reminders and escalations that fell due, then the outbox messages whose backoff, quiet
 * hours or lease ran out, then (once a day after 07:00) the digest. Each step reads only what is due.
 */
export async function notifyTick(now: string): Promise<void> {
  const followUps = await runDueFollowUps(now);
  const digest = await runDailyDigest(now);
  const outbox = await sweepOutbox(await configuredProviders(), { now: nowIso });
  log.info('notify tick', { now, followUps, digest, outbox });
}

export const notifySchedule = onSchedule(
  { schedule: NOTIFY_SCHEDULE, timeZone: 'Asia/Colombo', region: REGION, timeoutSeconds: 540, secrets: NOTIFY_SECRETS },
  async () => notifyTick(nowIso()),
);
