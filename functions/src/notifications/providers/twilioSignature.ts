/**
 * Whether a request really comes from Twilio: its X-Twilio-Signature over the exact public URL Twilio called and
 * the form fields, with the account's auth token (the twilio package's validateRequest). A missing signature, token
 * or URL is a refusal, never a pass.
 */
export async function validTwilioSignature(
  authToken: string,
  signature: unknown,
  url: string,
  params: Record<string, string>,
): Promise<boolean> {
  if (typeof signature !== 'string' || !signature || !authToken || !url) return false;
  // Loaded on first use, as in providers/index.ts: the twilio SDK is a cold-start cost for every function.
  const { default: twilio } = await import('twilio');
  return twilio.validateRequest(authToken, signature, url, params);
}

/** A form body as Twilio signs it: every field a string. */
export function formParams(body: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}
