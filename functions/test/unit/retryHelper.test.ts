import { backoffMs, retry } from '../../src/domain/retry/retry';

/** A fake clock: every wait moves it on, so deadlines are tested without sleeping. */
function clock() {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    wait: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
  };
}

describe('one retry helper', () => {
  it('backs off from the base, doubling, capped', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, { baseMs: 100, maxMs: 500 }))).toEqual([100, 200, 400, 500, 500]);
    expect(backoffMs(0, { baseMs: 100 })).toBe(100);
    expect(backoffMs(11, { baseMs: 1 })).toBe(1024);
  });

  it('tries again after a thrown error, waiting as told, and returns the first success', async () => {
    const c = clock();
    const calls: number[] = [];
    const out = await retry(
      async (attempt) => {
        calls.push(attempt);
        if (attempt < 3) throw new Error(`failure ${attempt}`);
        return 'done';
      },
      { attempts: 5, delayMs: (a) => backoffMs(a, { baseMs: 10 }), ...c },
    );
    expect(out).toBe('done');
    expect(calls).toEqual([1, 2, 3]);
    expect(c.waits).toEqual([10, 20]);
  });

  it('throws the last error when the attempts run out, without waiting after the last', async () => {
    const c = clock();
    let calls = 0;
    await expect(
      retry(
        async (attempt) => {
          calls++;
          throw new Error(`failure ${attempt}`);
        },
        { attempts: 3, delayMs: () => 5, ...c },
      ),
    ).rejects.toThrow('failure 3');
    expect(calls).toBe(3);
    expect(c.waits).toEqual([5, 5]);
  });

  it('throws at once an error not worth another attempt', async () => {
    const c = clock();
    let calls = 0;
    const refused = Object.assign(new Error('refused'), { code: 'permission-denied' });
    await expect(
      retry(
        async () => {
          calls++;
          throw refused;
        },
        { attempts: 5, delayMs: () => 5, retryOnError: (e) => (e as { code?: string }).code === 'aborted', ...c },
      ),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
    expect(c.waits).toEqual([]);
  });

  it('retries a value that says it failed, and returns the last such value when the attempts run out', async () => {
    const c = clock();
    const answers = [{ failed: 'a' }, { failed: 'b' }, { ok: 1 }];
    let i = 0;
    const first = await retry(async () => answers[i++]!, {
      attempts: 5,
      delayMs: () => 1,
      retryOnValue: (v) => 'failed' in v,
      ...c,
    });
    expect(first).toEqual({ ok: 1 });
    i = 0;
    const last = await retry(async () => answers[i++]!, {
      attempts: 2,
      delayMs: () => 1,
      retryOnValue: (v) => 'failed' in v,
      ...c,
    });
    expect(last).toEqual({ failed: 'b' });
  });

  it('with a deadline and no attempt limit, stops when the deadline has passed after a wait', async () => {
    const c = clock();
    let calls = 0;
    const ready = await retry(
      async () => {
        calls++;
        return false;
      },
      { attempts: Infinity, deadline: 1_000, delayMs: () => 250, retryOnValue: (ok) => !ok, ...c },
    );
    expect(ready).toBe(false);
    // Attempts at 0, 250, 500 and 750 ms; the wait to 1,000 ms reaches the deadline.
    expect(calls).toBe(4);
  });
});
