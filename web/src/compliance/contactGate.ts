import type { z } from 'zod';
import type { contactCheckOutput } from '../../../functions/src/domain/contracts/compliance';
import { formatInstant } from '../format/time';
import { humanize, t, tOr } from '../i18n/t';

export type ContactCheckView = z.infer<typeof contactCheckOutput>;
type Reason = ContactCheckView['reasons'][number];

/** One reason in the reader's language, from its code and detail (the server's English stays for API clients). */
export function reasonText(r: Reason): string {
  switch (r.code) {
    case 'opted_out':
      return t('gate.reason.opted_out', { detail: r.detail });
    case 'partly_opted_out':
      return t('gate.reason.partly_opted_out', { detail: r.detail });
    case 'indicator':
      return t('gate.reason.indicator', { indicator: tOr(`gate.indicator.${r.detail}`, humanize(r.detail)) });
    case 'hold':
      return t('gate.reason.hold', { detail: r.detail });
    case 'quiet_hours':
      return t('gate.reason.quiet_hours', { time: formatInstant(r.detail) });
    case 'daily_cap':
      return t('gate.reason.daily_cap', { count: r.detail });
    case 'weekly_cap':
      return t('gate.reason.weekly_cap', { count: r.detail });
  }
}

/** What the contact form says before it is sent: nothing when allowed, else the warning or why it is blocked. */
export function gateSentence(check: Pick<ContactCheckView, 'decision' | 'reasons'>): string | null {
  if (check.decision === 'allow') return null;
  const reasons = check.reasons.map(reasonText).join('; ');
  return check.decision === 'block' ? t('gate.block', { reasons }) : t('gate.warn', { reasons });
}
