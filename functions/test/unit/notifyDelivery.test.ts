import fc from 'fast-check';
import type { GateDecision } from '../../src/domain/notifications/compliance';
import {
  abandoned,
  backoffMs,
  block,
  claim,
  deferTo,
  deliveryId,
  fail,
  holds,
  LEASE_MS,
  MAX_ATTEMPTS,
  nextProviderStatus,
  succeed,
  type Delivery,
  type ProviderError,
} from '../../src/domain/notifications/delivery';

/** The outbound message state machine (PENDING → PROCESSING under a lease → SUCCESS / ERROR), without Firestore. */
const NOW = '2026-11-23T05:00:00.000Z';
const DAY = 86_400_000;
const later = (ms: number, from = NOW) => new Date(Date.parse(from) + ms).toISOString();
const RECEIPT = { name: 'twilio', id: 'SM1', status: 'queued' };
const TRANSIENT: ProviderError = { code: 'twilio-20500', message: 'server error', transient: true };
const PERMANENT: ProviderError = { code: 'twilio-21211', message: 'invalid number', transient: false };

function pending(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'a1#ro|demo-ro1|sms',
    eventId: 'a1#ro',
    kind: 'case_assigned',
    channel: 'sms',
    recipient: { kind: 'user', uid: 'demo-ro1', address: '+94770000001', customerKey: null },
    caseId: 'C-1',
    language: 'en',
    subject: 'Case assigned',
    body: 'Case 0041234567 has been assigned to demo-ro1.',
    missingTranslation: null,
    state: 'PENDING',
    attempts: 0,
    maxAttempts: MAX_ATTEMPTS,
    dueAt: NOW,
    lease: null,
    provider: null,
    error: null,
    gate: null,
    createdAt: NOW,
    updatedAt: NOW,
    deliveredAt: null,
    ...overrides,
  };
}

describe('claiming a message under a lease', () => {
  it('a due PENDING message becomes PROCESSING, counts the attempt and is due again when the lease ends', () => {
    const c = claim(pending(), NOW, 'runner-a');
    expect(c).toMatchObject({
      state: 'PROCESSING',
      attempts: 1,
      lease: { owner: 'runner-a', expiresAt: later(LEASE_MS) },
      dueAt: later(LEASE_MS),
      updatedAt: NOW,
    });
  });

  it('is not claimed before it is due, nor once it has no due time', () => {
    expect(claim(pending({ dueAt: later(1) }), NOW, 'a')).toBeNull();
    expect(claim(pending({ dueAt: null }), NOW, 'a')).toBeNull();
    expect(claim(pending({ dueAt: later(1) }), later(1), 'a')).not.toBeNull();
  });

  it('a live lease keeps everyone else out; an expired one can be reclaimed by another runner', () => {
    const first = claim(pending(), NOW, 'a')!;
    expect(claim(first, later(LEASE_MS - 1), 'b')).toBeNull();
    expect(claim(first, later(LEASE_MS - 1), 'a')).toBeNull();
    const second = claim(first, later(LEASE_MS), 'b')!;
    expect(second).toMatchObject({ state: 'PROCESSING', attempts: 2, lease: { owner: 'b' } });
    expect(holds(second, 'b')).toBe(true);
    // The first runner, back late, no longer holds it: it may not record anything.
    expect(holds(second, 'a')).toBe(false);
  });

  it('final states are never claimed, whatever their due time says', () => {
    for (const state of ['SUCCESS', 'ERROR', 'BLOCKED'] as const) {
      expect(claim(pending({ state, dueAt: NOW }), later(DAY), 'a')).toBeNull();
    }
  });

  it('a sender that dies on every attempt is given up after the last one, not retried forever', () => {
    let d = pending();
    let t = NOW;
    for (let i = 1; i <= MAX_ATTEMPTS; i += 1) {
      expect(abandoned(d, t)).toBeNull();
      d = claim(d, t, `runner-${i}`)!;
      expect(d.attempts).toBe(i);
      t = later(LEASE_MS, t); // the runner died: its lease runs out
    }
    expect(claim(d, t, 'one-more')).toBeNull();
    const given = abandoned(d, t)!;
    expect(given).toMatchObject({ state: 'ERROR', dueAt: null, lease: null, attempts: MAX_ATTEMPTS });
    expect(given.error).toMatchObject({ code: 'attempts-exhausted', transient: false });
    // A live lease on the last attempt is left alone: its runner may still answer.
    expect(abandoned(d, later(LEASE_MS - 1, later(-LEASE_MS, t)))).toBeNull();
  });

  it('the lease length is a parameter', () => {
    expect(claim(pending(), NOW, 'a', 5_000)?.lease?.expiresAt).toBe(later(5_000));
  });
});

describe('finishing an attempt', () => {
  it('success is final: no due time, no lease, the receipt kept; it is never claimed again', () => {
    const done = succeed(claim(pending({ error: TRANSIENT }), NOW, 'a')!, later(2_000), RECEIPT);
    expect(done).toMatchObject({
      state: 'SUCCESS',
      dueAt: null,
      lease: null,
      provider: RECEIPT,
      error: null,
      deliveredAt: later(2_000),
      attempts: 1,
    });
    expect(claim(done, later(10 * DAY), 'b')).toBeNull();
    expect(holds(done, 'a')).toBe(false);
  });

  it('a transient failure goes back to PENDING after its backoff, the attempt counted', () => {
    const failed = fail(claim(pending(), NOW, 'a')!, later(1_000), TRANSIENT);
    expect(failed).toMatchObject({
      state: 'PENDING',
      attempts: 1,
      lease: null,
      error: TRANSIENT,
      dueAt: later(1_000 + 30_000),
    });
    expect(claim(failed, later(30_000), 'b')).toBeNull();
    expect(claim(failed, later(31_000), 'b')).toMatchObject({ attempts: 2 });
  });

  it('a permanent failure is final at once', () => {
    const failed = fail(claim(pending(), NOW, 'a')!, later(1_000), PERMANENT);
    expect(failed).toMatchObject({ state: 'ERROR', dueAt: null, lease: null, error: PERMANENT, attempts: 1 });
    expect(claim(failed, later(DAY), 'b')).toBeNull();
  });

  it('transient failures stop being retried once the attempts are used up', () => {
    let d = pending();
    let t = NOW;
    const states: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      d = claim(d, t, 'a')!;
      d = fail(d, t, TRANSIENT);
      states.push(d.state);
      t = d.dueAt ?? t;
    }
    expect(states).toEqual([...Array<string>(MAX_ATTEMPTS - 1).fill('PENDING'), 'ERROR']);
    expect(d.attempts).toBe(MAX_ATTEMPTS);
    expect(claim(d, later(DAY, t), 'a')).toBeNull();
  });

  it('backs off 30 s, 2 min, 8 min, 32 min, then an hour at most', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(backoffMs)).toEqual([
      30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
    expect(backoffMs(0)).toBe(30_000);
  });
});

describe('the compliance gate’s verdicts', () => {
  const defer: GateDecision & { decision: 'defer' } = {
    decision: 'defer',
    reason: 'quiet_hours',
    until: later(8 * 3_600_000),
    at: NOW,
  };
  const deny: GateDecision & { decision: 'deny' } = {
    decision: 'deny',
    reason: 'indicator',
    detail: 'dispute',
    at: NOW,
  };

  it('deferral: PENDING until the end of quiet hours, the attempt not counted', () => {
    const d = pending({ attempts: 2, recipient: { kind: 'customer', uid: null, address: '+9477', customerKey: 'k' } });
    const deferred = deferTo(d, defer);
    expect(deferred).toMatchObject({ state: 'PENDING', attempts: 2, dueAt: defer.until, lease: null, gate: defer });
    expect(claim(deferred, later(8 * 3_600_000 - 1), 'a')).toBeNull();
    expect(claim(deferred, defer.until, 'a')).toMatchObject({ state: 'PROCESSING', attempts: 3 });
  });

  it('denial: BLOCKED for good, with the decision recorded', () => {
    const blocked = block(pending(), deny);
    expect(blocked).toMatchObject({ state: 'BLOCKED', dueAt: null, lease: null, gate: deny });
    expect(claim(blocked, later(DAY), 'a')).toBeNull();
  });
});

describe('message ids', () => {
  it('are deterministic per event, recipient and channel, and safe as document ids', () => {
    expect(deliveryId('a1#ro', 'demo-ro1', 'sms')).toBe('a1#ro|demo-ro1|sms');
    expect(deliveryId('a1#ro', 'demo-ro1', 'sms')).toBe(deliveryId('a1#ro', 'demo-ro1', 'sms'));
    expect(deliveryId('a1#ro', 'demo-ro1', 'email')).not.toBe(deliveryId('a1#ro', 'demo-ro1', 'sms'));
    expect(deliveryId('cases/C 1', 'customer:x/y', 'sms')).toBe('cases~C~1|customer:x~y|sms');
    expect(deliveryId('e'.repeat(2_000), 'u', 'sms')).toHaveLength(1400);
  });
});

type Step =
  | { op: 'wait'; ms: number }
  | { op: 'claim'; owner: string }
  | { op: 'sent'; owner: string }
  | { op: 'failed'; owner: string; transient: boolean };

describe('property: any interleaving of runners, failures and clocks', () => {
  const owner = fc.constantFrom('a', 'b', 'c');
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 2 * 3_600_000 }) }),
    fc.record({ op: fc.constant('claim' as const), owner }),
    fc.record({ op: fc.constant('sent' as const), owner }),
    fc.record({ op: fc.constant('failed' as const), owner, transient: fc.boolean() }),
  );

  it('records at most one success, counts every claim as an attempt and keeps lease and due time consistent', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let d = pending();
        let t = NOW;
        let claims = 0;
        let successes = 0;
        for (const s of steps) {
          if (s.op === 'wait') t = later(s.ms, t);
          else if (s.op === 'claim') {
            const c = claim(d, t, s.owner);
            if (c) {
              claims += 1;
              d = c;
            }
          } else if (holds(d, s.owner)) {
            // Only the lease holder records its outcome (deliver.ts checks holds() in the same transaction).
            if (s.op === 'sent') {
              d = succeed(d, t, RECEIPT);
              successes += 1;
            } else d = fail(d, t, s.transient ? TRANSIENT : PERMANENT);
          }
          expect(d.attempts).toBe(claims);
          expect(d.attempts).toBeLessThanOrEqual(d.maxAttempts);
          expect(successes).toBeLessThanOrEqual(1);
          if (d.state === 'PROCESSING') expect(d.dueAt).toBe(d.lease?.expiresAt);
          else expect(d.lease).toBeNull();
          if (d.state === 'SUCCESS' || d.state === 'ERROR') expect(d.dueAt).toBeNull();
          if (d.state === 'PENDING' && d.attempts > 0) {
            // Back in PENDING only after a transient failure with attempts left, due after its backoff.
            expect(d.error?.transient).toBe(true);
            expect(d.attempts).toBeLessThan(d.maxAttempts);
            expect(Date.parse(d.dueAt!) - Date.parse(d.updatedAt)).toBe(backoffMs(d.attempts));
          }
        }
        if (successes === 1) {
          expect(d.state).toBe('SUCCESS');
          expect(claim(d, later(DAY, t), 'z')).toBeNull();
        }
      }),
    );
  });
});

describe('twilio status order (nextProviderStatus)', () => {
  it('moves forward only: queued < sent < delivered; failed and undelivered are final', () => {
    expect(nextProviderStatus(null, 'queued')).toBe('queued');
    expect(nextProviderStatus('queued', 'sent')).toBe('sent');
    expect(nextProviderStatus('sent', 'delivered')).toBe('delivered');
    expect(nextProviderStatus('delivered', 'sent')).toBe('delivered');
    expect(nextProviderStatus('delivered', 'queued')).toBe('delivered');
    expect(nextProviderStatus('delivered', 'undelivered')).toBe('delivered');
    expect(nextProviderStatus('sent', 'queued')).toBe('sent');
    expect(nextProviderStatus('sent', 'undelivered')).toBe('undelivered');
    expect(nextProviderStatus('failed', 'delivered')).toBe('failed');
    expect(nextProviderStatus('undelivered', 'sent')).toBe('undelivered');
    expect(nextProviderStatus('sent', 'something-new')).toBe('sent');
  });
});
