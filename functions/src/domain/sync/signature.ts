import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (docs/operations.md): the source signs `{timestamp}.{raw body}` with HMAC-SHA256 under a shared
 * secret and sends `X-DebtX-Timestamp: <unix seconds>` and `X-DebtX-Signature: v1=<hex>`. Signing the timestamp
 * with the body lets the receiver refuse a captured request replayed later; the tolerance allows for clock skew.
 */
export const SIGNATURE_TOLERANCE_S = 300;

export function signBody(secret: string, timestamp: number, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `v1=${mac.digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifySignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string | Buffer,
  nowMs: number,
): SignatureCheck {
  if (!secret) return { ok: false, reason: 'the webhook secret is not configured' };
  if (!headers.timestamp || !/^[0-9]{9,12}$/.test(headers.timestamp)) {
    return { ok: false, reason: 'X-DebtX-Timestamp is missing or not unix seconds' };
  }
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_TOLERANCE_S) {
    return { ok: false, reason: `X-DebtX-Timestamp is more than ${SIGNATURE_TOLERANCE_S} s from now` };
  }
  const given = headers.signature ?? '';
  if (!/^v1=[0-9a-f]{64}$/.test(given)) return { ok: false, reason: 'X-DebtX-Signature is missing or malformed' };
  const expected = signBody(secret, timestamp, rawBody);
  // Constant time: a byte-by-byte comparison would tell an attacker how much of a forged signature is right.
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return { ok: false, reason: 'X-DebtX-Signature does not match the body' };
  }
  return { ok: true };
}
