import twilio from 'twilio';
import type { TwilioSettings } from './config';
import { asProviderError, ProviderFailure, type OutboundMessage, type Sender, type SentReceipt } from './types';

const TWILIO_API = 'https://api.twilio.com';

/**
 * The real twilio client, with its HTTP client re-aimed when TWILIO_BASE_URL is set: the client builds
 * `https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json` and this swaps the origin, so locally
 * the exact request the SDK makes (form body, basic auth) reaches the fake endpoint.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 10_000 });
  }

  override request<TData>(opts: Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0]) {
    const uri = opts.uri.startsWith(TWILIO_API)
      ? this.baseUrl.replace(/\/$/, '') + opts.uri.slice(TWILIO_API.length)
      : opts.uri;
    return super.request<TData>({ ...opts, uri } as typeof opts & { data?: TData });
  }
}

export function twilioSender(settings: TwilioSettings): Sender {
  const client = twilio(settings.accountSid, settings.authToken, {
    ...(settings.baseUrl ? { httpClient: new RebasedRequestClient(settings.baseUrl) } : {}),
  });
  return {
    async send(message: OutboundMessage): Promise<SentReceipt> {
      try {
        const sent = await client.messages.create({
          to: message.to,
          body: message.body,
          ...(settings.from.startsWith('MG') ? { messagingServiceSid: settings.from } : { from: settings.from }),
          ...(settings.statusUrl
            ? { statusCallback: `${settings.statusUrl}?n=${encodeURIComponent(message.id)}` }
            : {}),
        });
        return { provider: 'twilio', id: sent.sid, status: sent.status };
      } catch (error) {
        // RestException: 429 and 5xx may pass; other 4xx (21211 invalid number, 21610 unsubscribed) will not.
        const e = error as { status?: number; code?: number; message?: string };
        if (typeof e.status === 'number') {
          const transient = e.status === 429 || e.status >= 500;
          throw new ProviderFailure(`twilio-${e.code ?? e.status}`, e.message ?? `HTTP ${e.status}`, transient);
        }
        const p = asProviderError(error);
        throw new ProviderFailure(p.code, p.message, p.transient);
      }
    },
  };
}
