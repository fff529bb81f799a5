import { z } from 'zod';

/**
 * The indicators that protect a customer from contact: a disputed debt, a reported death, a bankruptcy, and a
 * request not to be contacted. Raised by an RO's contact result, by an officer, or by a source system; cleared
 * only by an officer's audited action with a reason (services/caseIndicators.ts). Other indicators a source
 * mirrors (cease_and_desist, fraud...) stay on the case beside these.
 */
export const CASE_INDICATORS = ['dispute', 'deceased', 'bankruptcy', 'do_not_contact'] as const;
export type CaseIndicator = (typeof CASE_INDICATORS)[number];

export const caseIndicator = z.enum(CASE_INDICATORS, { error: `must be one of ${CASE_INDICATORS.join(', ')}` });

/** Where an indicator came from, as the audit event records it. */
export type IndicatorSource = 'contact_result' | 'officer' | 'source_sync';

/** The indicators after one is raised: unchanged (the same array) when the case already carries it. */
export function withIndicator(indicators: readonly string[], indicator: string): string[] {
  return indicators.includes(indicator) ? [...indicators] : [...indicators, indicator];
}

export function withoutIndicator(indicators: readonly string[], indicator: string): string[] {
  return indicators.filter((i) => i !== indicator);
}
