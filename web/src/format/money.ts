import type { CaseView } from '../../../functions/src/domain/contracts/types';
import { currentLanguage, INTL_LOCALE, type Language } from '../i18n/locale';
import { t } from '../i18n/t';

const amounts = new Map<Language, Intl.NumberFormat>();
const plain = new Map<Language, Intl.NumberFormat>();

/**
 * The language's Intl locale when this browser has its data, else English (Sri Lanka). Browsers ship trimmed
 * ICU data: headless Chromium, for one, has no Sinhala, so its `si-LK` formats would silently be English.
 */
export function intlLocale(language: Language, kind: 'number' | 'date'): string {
  const locale = INTL_LOCALE[language];
  const supported =
    kind === 'number'
      ? Intl.NumberFormat.supportedLocalesOf([locale])
      : Intl.DateTimeFormat.supportedLocalesOf([locale]);
  return supported.length > 0 ? locale : INTL_LOCALE.en;
}

function cached(map: Map<Language, Intl.NumberFormat>, options: Intl.NumberFormatOptions) {
  const language = currentLanguage();
  let format = map.get(language);
  if (!format) map.set(language, (format = new Intl.NumberFormat(intlLocale(language, 'number'), options)));
  return format;
}

/**
 * `1234500` → `LKR 12,345.00` in English, `රු. 12,345.00` in Sinhala, `ரூ. 12,345.00` in Tamil (lakh
 * grouping where the browser knows Tamil). The symbol comes from the catalogue, so it never depends on
 * the browser's currency data; amounts are integer cents (below 2^53 / 100 the division is exact).
 */
export function formatLkr(cents: number): string {
  const text = cached(amounts, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(cents) / 100);
  return `${cents < 0 ? '-' : ''}${t('format.lkr')} ${text}`;
}

/** A count or other plain number, grouped per the current language. */
export function formatNumber(value: number): string {
  return cached(plain, { maximumFractionDigits: 1 }).format(value);
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
