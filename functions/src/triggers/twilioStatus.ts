import { onRequest } from 'firebase-functions/v2/https';
import { nowIso, REGION } from '../config';
import { log } from '../logs';
import { TWILIO_AUTH_TOKEN, twilioSettings } from '../notifications/providers/config';
import { formParams, validTwilioSignature } from '../notifications/providers/twilioSignature';
import { applyTwilioStatus } from '../services/notifications/twilioStatus';

export interface StatusRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  query: Record<string, unknown>;
}

/**
 * Twilio status callbacks: delivery states reported back. The X-Twilio-Signature is checked against the configured
 * public URL (TWILIO_STATUS_URL, with the `?n=` query Twilio was given) and the form fields; a bad or missing
 * signature is 403 and changes nothing.
 */
export async function twilioStatusHandler(
  req: StatusRequest,
  now = nowIso(),
): Promise<{ status: number; body: string }> {
  if (req.method !== 'POST') return { status: 405, body: 'POST only' };
  const settings = twilioSettings();
  const deliveryId = typeof req.query.n === 'string' ? req.query.n : '';
  const params = formParams(req.body);
  const url = settings.statusUrl ? `${settings.statusUrl}?n=${encodeURIComponent(deliveryId)}` : '';
  if (!(await validTwilioSignature(settings.authToken, req.headers['x-twilio-signature'], url, params))) {
    log.warn('twilio status callback refused: bad signature', { deliveryId });
    return { status: 403, body: 'invalid signature' };
  }
  if (!deliveryId) return { status: 400, body: 'missing n' };
  const outcome = await applyTwilioStatus(deliveryId, params, now);
  return { status: outcome === 'updated' ? 204 : 404, body: '' };
}

export const twilioStatus = onRequest({ region: REGION, secrets: [TWILIO_AUTH_TOKEN] }, async (req, res) => {
  const result = await twilioStatusHandler(req);
  res.status(result.status).send(result.body);
});
