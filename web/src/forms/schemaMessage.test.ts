import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/locale';
import { schemaMessage, translateErrors } from './schemaMessage';

afterEach(() => setLanguage('en'));

describe('schemaMessage', () => {
  it('words the contracts’ messages in the reader’s language, with their numbers', () => {
    setLanguage('si');
    expect(schemaMessage('is required')).toBe('අවශ්‍යයි');
    expect(schemaMessage('must be at most 64 characters')).toBe('අක්ෂර 64කට වඩා නොවිය යුතුය');
    setLanguage('ta');
    expect(schemaMessage('must be an email address')).toBe('மின்னஞ்சல் முகவரியாக இருக்க வேண்டும்');
    expect(schemaMessage('must be one of sms, email')).toBe('இவற்றில் ஒன்றாக இருக்க வேண்டும்: sms, email');
  });

  it('leaves a message it does not know as the server wrote it', () => {
    setLanguage('si');
    expect(schemaMessage('is not a DRC id')).toBe('is not a DRC id');
  });

  it('rewords every message of a nested errors tree and keeps the rest', () => {
    setLanguage('ta');
    const ref = { name: 'email' };
    const tree = {
      email: { type: 'invalid_format', message: 'must be an email address', ref },
      overrides: { x: [{ channels: { type: 'too_small', message: 'must be at least 1' } }] },
    };
    const out = translateErrors(tree);
    expect(out.email.message).toBe('மின்னஞ்சல் முகவரியாக இருக்க வேண்டும்');
    expect(out.email.ref).toBe(ref);
    expect(out.email.type).toBe('invalid_format');
    expect(out.overrides.x[0]?.channels.message).toBe('குறைந்தது 1 ஆக இருக்க வேண்டும்');
  });
});
