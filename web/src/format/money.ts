import type { CaseView } from '../../../functions/src/api/contract';
import { currentLanguage, INTL_LOCALE, type Language } from '../i18n/locale';

const lkr = new Map<Language, Intl.NumberFormat>();
const plain = new Map<Language, Intl.NumberFormat>();

function cached(map: Map<Language, Intl.NumberFormat>, make: (locale: string) => Intl.NumberFormat) {
  const language = currentLanguage();
  let format = map.get(language);
  if (!format) map.set(language, (format = make(INTL_LOCALE[language])));
  return format;
}

/**
 * `1234500` → `LKR 12,345.00` in English, `රු. 12,345.00` in Sinhala, `Rs. 12,345.00` in Tamil
 * (amounts are integer cents of LKR; below 2^53 / 100 the division is exact to the cent).
 */
export function formatLkr(cents: number): string {
  return cached(lkr, (l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'LKR' })).format(cents / 100);
}

/** A count or other plain number, grouped per the current language. */
export function formatNumber(value: number): string {
  return cached(plain, (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 })).format(value);
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
