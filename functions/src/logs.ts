import * as logger from 'firebase-functions/logger';

/**
 * Logging with personal data masked (docs/security.md, "Personal data"): phone numbers, national identity numbers,
 * emails and addresses never reach the logs in full, whatever object is logged.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '•••';
  return `${phone.startsWith('+') ? '+' : ''}${digits.slice(0, 4)}${'•'.repeat(digits.length - 6)}${digits.slice(-2)}`;
}

export function maskNic(nic: string): string {
  return nic.length <= 4 ? '•••' : `${nic.slice(0, 2)}${'•'.repeat(nic.length - 4)}${nic.slice(-2)}`;
}

export function maskEmail(email: string): string {
  const [user, domain] = email.split('@');
  return domain ? `${(user ?? '').slice(0, 1)}•••@${domain}` : '•••';
}

/** NICs (old: 9 digits and V or X; new: 12 digits), E.164 phone numbers and emails inside free text. */
const NIC_IN_TEXT = /(?<![0-9])(\d{9}[VvXx]|\d{12})(?![0-9A-Za-z])/g;
const PHONE_IN_TEXT = /\+\d[\d\s-]{7,16}\d/g;
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * Masks personal data written inside a sentence: a provider's error message ("The 'To' number +9477… is not
 * a valid phone number"), an id that embeds a customer key (`nic_…`). Used on every string that is logged.
 */
export function maskText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, maskEmail).replace(PHONE_IN_TEXT, maskPhone).replace(NIC_IN_TEXT, maskNic);
}

const MASKERS: Partial<Record<string, (v: string) => string>> = {
  phone: maskPhone,
  nic: maskNic,
  email: maskEmail,
  address: () => '[address]',
};

/** A deep copy with every personal field masked. */
export function masked(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => masked(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      const mask = MASKERS[k];
      return [k, mask && typeof v === 'string' ? mask(v) : masked(v, depth + 1)];
    }),
  );
}

export const log = {
  info: (message: string, data: Record<string, unknown> = {}) => logger.info(maskText(message), masked(data)),
  warn: (message: string, data: Record<string, unknown> = {}) => logger.warn(maskText(message), masked(data)),
  error: (message: string, data: Record<string, unknown> = {}) => logger.error(maskText(message), masked(data)),
};
