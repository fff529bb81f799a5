import { onRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { nowIso, REGION } from '../config';
import { log } from '../logs';
import { TWILIO_AUTH_TOKEN, twilioWebhookSettings } from '../notifications/providers/config';
import { formParams, validTwilioSignature } from '../notifications/providers/twilioSignature';
import { applyInboundSms } from '../services/compliance/optOut';

export interface InboundRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** What Twilio is answered: no reply message (Twilio itself confirms a STOP to the customer). */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const inboundSms = z.object({
  MessageSid: z.string().regex(/^[A-Za-z0-9]{10,64}$/, 'is not a message SID'),
  From: z.string().trim().min(1, 'is required').max(32, 'is not a phone number'),
  Body: z.string().max(1600, 'is longer than an SMS').default(''),
});

/**
 * POST /twilioInbound: an SMS a customer sent to our number (Twilio's incoming-message webhook). The
 * X-Twilio-Signature is checked against TWILIO_INBOUND_URL and the form fields; a bad or missing signature is 403
 * and changes nothing. STOP and its synonyms opt the number out, START / UNSTOP back in, once per MessageSid.
 */
export async function twilioInboundHandler(
  req: InboundRequest,
  now = nowIso(),
): Promise<{ status: number; body: string; contentType: string }> {
  const text = (status: number, body: string) => ({ status, body, contentType: 'text/plain' });
  if (req.method !== 'POST') return text(405, 'POST only');
  const settings = twilioWebhookSettings();
  const params = formParams(req.body);
  if (
    !(await validTwilioSignature(settings.authToken, req.headers['x-twilio-signature'], settings.inboundUrl, params))
  ) {
    log.warn('twilio inbound SMS refused: bad signature', {});
    return text(403, 'invalid signature');
  }
  const parsed = inboundSms.safeParse(params);
  if (!parsed.success) return text(400, 'not an inbound SMS');
  const outcome = await applyInboundSms(
    { messageSid: parsed.data.MessageSid, from: parsed.data.From, body: parsed.data.Body },
    now,
  );
  log.info('twilio inbound SMS', { messageSid: parsed.data.MessageSid, outcome });
  return { status: 200, body: EMPTY_TWIML, contentType: 'text/xml' };
}

export const twilioInbound = onRequest({ region: REGION, secrets: [TWILIO_AUTH_TOKEN] }, async (req, res) => {
  const result = await twilioInboundHandler(req);
  res.status(result.status).type(result.contentType).send(result.body);
});
