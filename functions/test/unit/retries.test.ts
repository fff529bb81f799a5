import { exhaustedMessage, mayAttempt, nextAttemptAt, RETRY } from '../../src/domain/requests/retries';

const NOW = '2026-11-20T10:00:00.000Z';

describe('bounded retries', () => {
  it('backs off 1, 2, 4... minutes after each failed attempt, capped', () => {
    expect(nextAttemptAt(NOW, 1)).toBe('2026-11-20T10:01:00.000Z');
    expect(nextAttemptAt(NOW, 3)).toBe('2026-11-20T10:04:00.000Z');
    expect(Date.parse(nextAttemptAt(NOW, 40)) - Date.parse(NOW)).toBe(RETRY.maxBackoffMs);
  });

  it('no attempt while another holds the lease; the sweep also waits for the backoff, a trigger retry does not', () => {
    expect(mayAttempt({ leaseUntil: '2026-11-20T10:01:00.000Z' }, NOW, 'trigger')).toBe(false);
    expect(mayAttempt({ leaseUntil: '2026-11-20T09:59:00.000Z' }, NOW, 'sweep')).toBe(true);
    expect(mayAttempt({ nextAttemptAt: '2026-11-20T10:02:00.000Z' }, NOW, 'sweep')).toBe(false);
    expect(mayAttempt({ nextAttemptAt: '2026-11-20T10:02:00.000Z' }, NOW, 'trigger')).toBe(true);
  });

  it('says what the client shows after the last attempt', () => {
    expect(exhaustedMessage(5, 'deadline exceeded.')).toBe(
      'The request could not be processed after 5 attempts: deadline exceeded; nothing was changed.',
    );
    expect(exhaustedMessage(5, '')).toContain('the work stopped before it finished');
  });
});
