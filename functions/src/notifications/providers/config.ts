import { defineInt, defineSecret, defineString } from 'firebase-functions/params';

/**
 * Provider configuration. The real Twilio and SMTP clients are used everywhere; locally
 * they are pointed at the fakes the stack starts (scripts/lib/notifySinks.ts), and a guard refuses any
 * other host so a local run can never reach a real provider.
 */
export const TWILIO_ACCOUNT_SID = defineString('TWILIO_ACCOUNT_SID', {
  default: 'AC00000000000000000000000000000000',
  description: 'Twilio account SID (SMS)',
});
export const TWILIO_FROM = defineString('TWILIO_FROM', {
  default: '+94110000000',
  description: 'The Twilio number (or messaging service SID, MG...) SMS are sent from',
});
/** Empty: Twilio itself. Locally: the fake Twilio endpoint (http://127.0.0.1:4010). */
export const TWILIO_BASE_URL = defineString('TWILIO_BASE_URL', {
  default: '',
  description: 'Base URL of the Twilio REST API; empty for https://api.twilio.com (local stacks: the fake)',
});
/** The public URL of the twilioStatus function; Twilio signs its callbacks with this exact URL. */
export const TWILIO_STATUS_URL = defineString('TWILIO_STATUS_URL', {
  default: '',
  description: 'Public URL of the twilioStatus function (status callbacks); empty sends no callback URL',
});
/** The public URL of the twilioInbound function (the number's incoming-message webhook); Twilio signs with it. */
export const TWILIO_INBOUND_URL = defineString('TWILIO_INBOUND_URL', {
  default: '',
  description: 'Public URL of the twilioInbound function (incoming SMS: STOP / START); empty refuses every inbound SMS',
});
export const TWILIO_AUTH_TOKEN = defineSecret('TWILIO_AUTH_TOKEN', {
  description: 'Twilio auth token: authenticates API calls and verifies status callback signatures',
});

export const SMTP_HOST = defineString('SMTP_HOST', {
  default: '',
  description: 'SMTP server for email notifications (local stacks: the SMTP sink on 127.0.0.1)',
});
export const SMTP_PORT = defineInt('SMTP_PORT', { default: 587, description: 'SMTP port' });
export const SMTP_USER = defineString('SMTP_USER', { default: '', description: 'SMTP user; empty for none' });
export const SMTP_FROM = defineString('SMTP_FROM', {
  default: 'DebtX <no-reply@debtx.example>',
  description: 'From address of notification emails',
});
export const SMTP_PASSWORD = defineSecret('SMTP_PASSWORD', { description: 'SMTP password' });

export const NOTIFY_SECRETS = [TWILIO_AUTH_TOKEN, SMTP_PASSWORD];

/** Emulators, tests, the offline relay and demo projects: anything that is not production. */
export function runningLocally(env: NodeJS.ProcessEnv = process.env): boolean {
  const project = env.GCLOUD_PROJECT ?? env.GOOGLE_CLOUD_PROJECT ?? '';
  return env.FUNCTIONS_EMULATOR === 'true' || project.startsWith('demo-') || !env.K_SERVICE;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Refuses a provider host that is not this machine when running locally. Throws with the reason. */
export function assertLocalHost(what: string, host: string, env: NodeJS.ProcessEnv = process.env): void {
  if (!runningLocally(env)) return;
  if (!LOCAL_HOSTS.has(host.toLowerCase())) {
    throw new Error(
      `${what} points at ${host || 'the real provider'}; a local run may only use the local fakes (127.0.0.1). Start the stack with its sinks, or set ${what} to them.`,
    );
  }
}

// Secrets are read from the environment outside a deployed runtime (tests, relay), as config.ts does.
function secret(param: { value(): string; name: string }): string {
  return runningLocally() ? (process.env[param.name] ?? '') : param.value();
}

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string;
  baseUrl: string;
  statusUrl: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  from: string;
}

export function twilioSettings(): TwilioSettings {
  const baseUrl = TWILIO_BASE_URL.value().trim();
  assertLocalHost('TWILIO_BASE_URL', baseUrl ? new URL(baseUrl).hostname : '');
  return {
    accountSid: TWILIO_ACCOUNT_SID.value() || 'AC00000000000000000000000000000000',
    authToken: secret(TWILIO_AUTH_TOKEN) || (runningLocally() ? 'local-twilio-token' : ''),
    from: TWILIO_FROM.value() || '+94110000000',
    baseUrl,
    statusUrl: TWILIO_STATUS_URL.value().trim(),
  };
}

/**
 * What a webhook Twilio calls needs to check its signature: the auth token and the public URL Twilio was given.
 * Nothing is sent from there, so no provider address is needed (nor checked).
 */
export function twilioWebhookSettings(): { authToken: string; inboundUrl: string } {
  return {
    authToken: secret(TWILIO_AUTH_TOKEN) || (runningLocally() ? 'local-twilio-token' : ''),
    inboundUrl: TWILIO_INBOUND_URL.value().trim(),
  };
}

export function smtpSettings(): SmtpSettings {
  const host = SMTP_HOST.value().trim();
  assertLocalHost('SMTP_HOST', host);
  if (!host) throw new Error('SMTP_HOST is not set');
  return {
    host,
    port: SMTP_PORT.value() || 587,
    user: SMTP_USER.value(),
    password: secret(SMTP_PASSWORD),
    from: SMTP_FROM.value() || 'DebtX <no-reply@debtx.example>',
  };
}
