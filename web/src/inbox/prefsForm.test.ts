import { describe, expect, it } from 'vitest';
import type { NotificationPrefsView } from '../../../functions/src/domain/contracts/types';
import { flatErrors, operationResolver } from '../forms/useOperationForm';
import { prefsFormValues, prefsInput } from './prefsForm';

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const view: NotificationPrefsView = {
  channels: {},
  quietHours: null,
  timeZone: 'Asia/Colombo',
  language: 'en',
  phone: null,
  digest: false,
  defaults: { promise_due: ['inapp'] },
};

describe('the preferences form as the saveNotificationPrefs input', () => {
  it('sends the channels that differ from the role’s defaults, the quiet hours and a phone without spaces', async () => {
    const values = {
      ...prefsFormValues(view),
      channels: { promise_due: { inapp: true, sms: false, email: true } },
      quiet: true,
      quietStart: '21:30',
      phone: '+94 77 123 4567',
    };
    expect(prefsInput(values)).toEqual({
      channels: { promise_due: { email: true } },
      quietHours: { start: '21:30', end: '07:00' },
      timeZone: 'Asia/Colombo',
      language: 'en',
      phone: '+94771234567',
      digest: false,
    });
    const out = await operationResolver('saveNotificationPrefs')(prefsInput(values), undefined, options);
    expect(out.errors).toEqual({});
  });

  it('refuses a local phone number and a zone that is not one, beside their fields, before sending', async () => {
    const values = { ...prefsFormValues(view), phone: '077 123 4567', timeZone: 'Mars/Olympus' };
    const out = await operationResolver('saveNotificationPrefs')(prefsInput(values), undefined, options);
    const errors = flatErrors(out.errors);
    expect(errors.phone).toMatch(/international number/);
    expect(errors.timeZone).toBe('is not a time zone');
  });
});
