import { smtpSettings, twilioSettings } from './config';
import { ProviderFailure, type Providers, type Sender } from './types';

export type { Providers, Sender } from './types';

/** A sender that fails every message with its configuration problem (recorded on the message as an ERROR). */
function misconfigured(error: unknown): Sender {
  const message = error instanceof Error ? error.message : String(error);
  return {
    async send() {
      throw new ProviderFailure('misconfigured', message, false);
    },
  };
}

let cached: { key: string; providers: Providers } | null = null;

/**
 * The configured providers, built once per configuration for the life of the instance. The twilio and nodemailer
 * clients are loaded here, on first use, not when the module is: every function shares one bundle, and only the
 * delivery functions send.
 */
export async function configuredProviders(): Promise<Providers> {
  let sms: Sender;
  let email: Sender;
  let key = '';
  try {
    const t = twilioSettings();
    key += JSON.stringify(t);
    sms = (await import('./twilio')).twilioSender(t);
  } catch (error) {
    sms = misconfigured(error);
  }
  try {
    const s = smtpSettings();
    key += JSON.stringify(s);
    email = (await import('./smtp')).smtpSender(s);
  } catch (error) {
    email = misconfigured(error);
  }
  if (cached?.key === key && key) return cached.providers;
  cached = { key, providers: { sms, email } };
  return cached.providers;
}
