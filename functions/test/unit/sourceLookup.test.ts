import { lookupWithRetry } from '../../src/services/sourceLookup';
import type { AccountSource, SourceLookup } from '../../src/sources/types';

/** A source that answers from a script, counting how often it was asked. */
function scripted(answers: SourceLookup[]): AccountSource & { asked: number } {
  const source = {
    name: 'scripted',
    asked: 0,
    async lookup(): Promise<SourceLookup> {
      const answer = answers[Math.min(source.asked, answers.length - 1)]!;
      source.asked += 1;
      return answer;
    },
  };
  return source;
}

describe('lookupWithRetry', () => {
  it('retries a failed lookup with backoff and returns the first answer', async () => {
    const source = scripted([
      { failed: true, reason: 'BSS answered HTTP 500' },
      { found: false, reason: 'no such account' },
    ]);
    await expect(lookupWithRetry(source, '0011', 3, 1)).resolves.toEqual({ found: false, reason: 'no such account' });
    expect(source.asked).toBe(2);
  });

  it('gives up after the attempts, with the last reason', async () => {
    const source = scripted([{ failed: true, reason: 'BSS answered HTTP 500' }]);
    await expect(lookupWithRetry(source, '0011', 3, 1)).resolves.toEqual({
      failed: true,
      reason: 'BSS answered HTTP 500',
    });
    expect(source.asked).toBe(3);
  });

  it('never retries inconsistent records: asking again would get the same answer', async () => {
    const source = scripted([{ inconsistent: true, reason: 'CRM: name is missing' }]);
    await expect(lookupWithRetry(source, '0011', 3, 1)).resolves.toEqual({
      inconsistent: true,
      reason: 'CRM: name is missing',
    });
    expect(source.asked).toBe(1);
  });

  it('turns a thrown error into a failed answer and retries it', async () => {
    let asked = 0;
    const source: AccountSource = {
      name: 'throwing',
      async lookup() {
        asked += 1;
        throw new Error('socket hang up');
      },
    };
    await expect(lookupWithRetry(source, '0011', 2, 1)).resolves.toEqual({ failed: true, reason: 'socket hang up' });
    expect(asked).toBe(2);
  });
});
