import { FirebaseError } from 'firebase/app';
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSAL_REASONS } from '../../../functions/src/domain/refusalReasons';
import { setLanguage } from '../i18n/locale';
import { describeError, rejectionOf } from './describeError';
import { messages } from './refusalMessages';

afterEach(() => setLanguage('en'));

describe('server refusals in the reader’s language', () => {
  it('every reason code the server can give has its words in Sinhala and Tamil', () => {
    const key = (reason: string) => `refusal.${reason}` as keyof typeof messages.en;
    const lacking = REFUSAL_REASONS.flatMap((reason) =>
      (['en', 'si', 'ta'] as const).filter((lang) => !messages[lang][key(reason)]).map((lang) => `${reason} (${lang})`),
    );
    expect(lacking).toEqual([]);
  });

  it('a REJECTED request shows its code in Sinhala or Tamil, and the server’s English in English', () => {
    const rejection = { code: 'extension-too-long', message: 'An extension of 45 days is longer than 30.' };
    setLanguage('si');
    expect(rejectionOf(rejection).message).toBe('ඉල්ලූ දීර්ඝ කිරීම අවසර ඇති කාලයට වඩා දිගයි.');
    setLanguage('ta');
    expect(rejectionOf(rejection).message).toBe('கோரிய நீட்டிப்பு அனுமதிக்கப்பட்டதை விட நீளமானது.');
    setLanguage('en');
    expect(rejectionOf(rejection).message).toBe(rejection.message);
  });

  it('a code the web does not word shows the server’s English message', () => {
    setLanguage('ta');
    expect(rejectionOf({ code: 'something-new', message: 'Something new went wrong.' }).message).toBe(
      'Something new went wrong.',
    );
  });

  it('a callable refusal is worded from details.reason, keeping its code and fields', () => {
    const error = Object.assign(
      new FirebaseError('functions/aborted', 'The case changed after you opened it (it is now NEGOTIATION).'),
      { details: { reason: 'conflict', currentRev: 4 } },
    );
    setLanguage('si');
    expect(describeError(error)).toEqual({
      message: 'ඔබ විවෘත කළ පසු නඩුව වෙනස් වී ඇත. එය බලා නැවත ඉදිරිපත් කරන්න.',
      fields: {},
      code: 'aborted',
    });
  });
});
