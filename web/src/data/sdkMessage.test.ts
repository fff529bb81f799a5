import { describe, expect, it } from 'vitest';
import { withoutHttpStatus } from './sdkMessage';

describe('a server message as the user sees it', () => {
  it('drops the HTTP status the Functions SDK appends, and only that', () => {
    expect(withoutHttpStatus('Please correct the templates. [400]')).toBe('Please correct the templates.');
    expect(withoutHttpStatus('A ro may not read the notification templates. [403]')).toBe(
      'A ro may not read the notification templates.',
    );
    expect(withoutHttpStatus('Case [400] is closed.')).toBe('Case [400] is closed.');
    expect(withoutHttpStatus('Limit is [1000]')).toBe('Limit is [1000]');
  });
});
