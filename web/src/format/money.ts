import type { CaseView } from '../../../functions/src/api/contract';

/** `1234500` → `LKR 12,345.00` (amounts are integer cents of LKR). */
export function formatLkr(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rupees = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}LKR ${rupees}.${String(abs % 100).padStart(2, '0')}`;
}

/** What remains owed: the settlement amount when one is agreed, else the arrears; never below zero. */
export function amountDueCents(c: Pick<CaseView, 'settlement' | 'arrearsCents' | 'paidCents'>): number {
  const target = c.settlement ? c.settlement.agreedCents : c.arrearsCents;
  return Math.max(0, target - c.paidCents);
}

const RUPEES = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Rupees as people type them (`12500`, `12,500.5`, `LKR 12,500.50`) → integer cents, without
 * floating point; null when the text is not an amount.
 */
export function parseRupeesToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^(?:LKR|Rs\.?)\s*/i, '');
  const match = RUPEES.exec(cleaned);
  if (!match) return null;
  const [whole = '0'] = cleaned.split('.');
  const cents = Number(whole.replace(/,/g, '')) * 100 + Number((match[1] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}
