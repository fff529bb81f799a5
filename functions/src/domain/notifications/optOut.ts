/**
 * A customer's SMS opt-out: the keywords carriers and Twilio recognise, and the one form a phone number is kept
 * in, so an opt-out sent from "+94 77 123 4567" covers a case that stored "077-1234567".
 */

/** Twilio's standard opt-out keywords; a message that is exactly one of them (any case, trimmed) opts out. */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'] as const;
/** ...and the ones that opt back in. */
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP'] as const;

export type OptKeyword = 'opt_out' | 'opt_in';

/** What an inbound SMS asks for: opt out, opt back in, or nothing (any other text). */
export function parseOptKeyword(body: string | null | undefined): OptKeyword | null {
  const word = (body ?? '')
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return 'opt_out';
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return 'opt_in';
  return null;
}

/** Sri Lanka's country code: the numbers on the cases are mostly written nationally (077...). */
export const DEFAULT_COUNTRY_CODE = '94';

/**
 * A phone number in E.164 (`+94771234567`), or null when it cannot be one. National forms take the default
 * country code: `0771234567`, `771234567`, `94771234567`, `+94 77 123 4567` and `(077) 123-4567` are one number.
 */
export function normalisePhone(raw: string | null | undefined, countryCode = DEFAULT_COUNTRY_CODE): string | null {
  const text = (raw ?? '').trim();
  if (!text || !/^\+?[\d\s().-]+$/.test(text)) return null;
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) {
    // International already.
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    digits = countryCode + digits.slice(1);
  } else if (digits.length === 9) {
    digits = countryCode + digits;
  }
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return null;
  return `+${digits}`;
}
