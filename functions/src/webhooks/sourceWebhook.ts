import { onRequest } from 'firebase-functions/v2/https';
import { REGION, SOURCE_WEBHOOK_SECRET, sourceWebhookSecret } from '../config';
import { sourceChangeSchema } from '../domain/sync/sourceChange';
import { verifySignature } from '../domain/sync/signature';
import { fieldMessages } from '../domain/validation/issues';
import { log } from '../logs';
import { recordSourceChange } from '../services/sourceSync';

/** Bodies beyond this are not change events (a misrouted export): refused before parsing. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

interface WebhookRequest {
  method: string;
  rawBody?: Buffer;
  get(name: string): string | undefined;
}
interface WebhookResponse {
  status(code: number): WebhookResponse;
  json(body: unknown): unknown;
  set(name: string, value: string): unknown;
}

/**
 * POST /sourceWebhook: a source system pushes one change the moment it happens (payment at a shop, account closed,
 * CPE returned). Signed (X-DebtX-Timestamp, X-DebtX-Signature; domain/sync/signature.ts), validated, stored once
 * per source event, and answered 202 at once; onSourceChangeCreated applies it to the open cases. Errors say what
 * is wrong and change nothing: 401 bad signature, 400 bad body (per field), 405, 413.
 */
export async function handleSourceWebhook(req: WebhookRequest, res: WebhookResponse, nowMs = Date.now()) {
  if (req.method !== 'POST') {
    res.set('Allow', 'POST');
    return res.status(405).json({ error: 'method-not-allowed', message: 'Send changes with POST.' });
  }
  const raw = req.rawBody ?? Buffer.alloc(0);
  if (raw.length > MAX_WEBHOOK_BYTES) {
    return res
      .status(413)
      .json({ error: 'too-large', message: `A change event is at most ${MAX_WEBHOOK_BYTES} bytes.` });
  }
  const check = verifySignature(
    sourceWebhookSecret(),
    { timestamp: req.get('x-debtx-timestamp'), signature: req.get('x-debtx-signature') },
    raw,
    nowMs,
  );
  if (!check.ok) {
    log.warn('source webhook refused', { reason: check.reason });
    return res.status(401).json({ error: 'bad-signature', message: `Refused: ${check.reason}.` });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return res.status(400).json({ error: 'invalid-json', message: 'The body is not JSON.' });
  }
  const parsed = sourceChangeSchema.safeParse(body);
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error.issues, { root: 'body' });
    return res.status(400).json({ error: 'invalid-change', message: 'The change is not valid.', fields });
  }
  const { id, duplicate } = await recordSourceChange(parsed.data, 'webhook', new Date(nowMs).toISOString());
  return res.status(duplicate ? 200 : 202).json({ changeId: id, status: duplicate ? 'duplicate' : 'accepted' });
}

export const sourceWebhook = onRequest(
  { region: REGION, secrets: [SOURCE_WEBHOOK_SECRET], maxInstances: 20 },
  async (req, res) => {
    await handleSourceWebhook(req, res);
  },
);
