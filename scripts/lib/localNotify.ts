import { join } from 'node:path';
import { dotenv } from './localSources';
import { startNotifySinks, type NotifySinks } from './notifySinks';
import { ROOT } from './ports';

/** Where the stack appends every message the sinks receive (`npm run outbox` prints it). */
export const OUTBOX_LOG = join(ROOT, '.debtx', 'outbox.jsonl');

const LOCAL = ['127.0.0.1', 'localhost'];

/**
 * The notification providers of the local stacks: the fake Twilio API and the SMTP sink, started
 * where functions/.env.local points the real twilio and nodemailer clients, so the Functions emulator, the
 * offline relay and the sinks agree. Both addresses must be local: a local stack never reaches a real provider.
 */
export async function startLocalNotify(log: (line: string) => void): Promise<NotifySinks> {
  const env = dotenv('.env.local');
  const secrets = dotenv('.secret.local');
  const twilioUrl = new URL(env.TWILIO_BASE_URL ?? '');
  const smtpHost = env.SMTP_HOST ?? '';
  if (!LOCAL.includes(twilioUrl.hostname) || !LOCAL.includes(smtpHost)) {
    throw new Error(
      `functions/.env.local must point TWILIO_BASE_URL and SMTP_HOST at this machine (got ${twilioUrl.href}, ${smtpHost})`,
    );
  }
  const sinks = await startNotifySinks({
    httpPort: Number(twilioUrl.port),
    smtpPort: Number(env.SMTP_PORT),
    logFile: OUTBOX_LOG,
    authToken: secrets.TWILIO_AUTH_TOKEN,
    inboundUrl: env.TWILIO_INBOUND_URL,
  });
  // The offline stack's relay sends from this process; the emulators inherit this environment.
  Object.assign(process.env, {
    TWILIO_BASE_URL: sinks.twilioUrl,
    TWILIO_STATUS_URL: env.TWILIO_STATUS_URL ?? '',
    TWILIO_INBOUND_URL: env.TWILIO_INBOUND_URL ?? '',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sinks.smtpPort),
    TWILIO_AUTH_TOKEN: secrets.TWILIO_AUTH_TOKEN ?? '',
    SMTP_PASSWORD: secrets.SMTP_PASSWORD ?? '',
  });
  log(
    `notifications: fake Twilio at ${sinks.twilioUrl}, SMTP sink at 127.0.0.1:${sinks.smtpPort}; what was sent: ${sinks.twilioUrl}/__outbox or npm run outbox`,
  );
  return sinks;
}
