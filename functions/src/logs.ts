import * as logger from 'firebase-functions/logger';

/**
 * Logging with personal data masked (issue 7 §6): phone numbers, national identity numbers, emails and
 * addresses never reach the logs in full, whatever object is logged.
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

const MASKERS: Partial<Record<string, (v: string) => string>> = {
  phone: maskPhone,
  nic: maskNic,
  email: maskEmail,
  address: () => '[address]',
};

/** A deep copy with every personal field masked. */
export function masked(value: unknown, depth = 0): unknown {
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
  info: (message: string, data: Record<string, unknown> = {}) => logger.info(message, masked(data)),
  warn: (message: string, data: Record<string, unknown> = {}) => logger.warn(message, masked(data)),
  error: (message: string, data: Record<string, unknown> = {}) => logger.error(message, masked(data)),
};
