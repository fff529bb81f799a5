import type { ProviderError } from '../../domain/notifications/delivery';

export interface OutboundMessage {
  /** The delivery document's id: the provider-side idempotency hint (email Message-ID, SMS callback). */
  id: string;
  to: string;
  subject: string;
  body: string;
}

export interface SentReceipt {
  provider: string;
  id: string;
  status: string;
}

/** A channel's sender. Failures reject with a ProviderFailure that says whether trying again may help. */
export interface Sender {
  send(message: OutboundMessage): Promise<SentReceipt>;
}

export interface Providers {
  sms: Sender;
  email: Sender;
}

export class ProviderFailure extends Error implements ProviderError {
  constructor(
    readonly code: string,
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'ProviderFailure';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ESOCKET',
  'ECONNECTION',
  'ETIMEOUT',
  'EPIPE',
]);

/** Any thrown value as a ProviderError: network trouble is transient, a configuration error is not. */
export function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderFailure) return { code: error.code, message: error.message, transient: error.transient };
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : 'UNKNOWN';
  return { code, message: String(e?.message ?? error).slice(0, 500), transient: NETWORK_CODES.has(code) };
}
