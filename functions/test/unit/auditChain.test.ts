import {
  canonicalJson,
  chainEvent,
  diffFields,
  EMPTY_HEAD,
  verifyChain,
  type AuditDraft,
  type AuditEvent,
} from '../../src/domain/audit/chain';

const draft = (n: number): AuditDraft => ({
  entity: 'cases/C1',
  at: `2026-11-23T10:00:0${n}.000Z`,
  actor: { uid: 'u', role: 'ro', displayName: 'U' },
  action: `a${n}`,
  summary: `step ${n}`,
  requestId: `r${n}`,
  before: {},
  after: { n },
  details: {},
  transitions: [],
});

function chain(count: number): AuditEvent[] {
  let head = EMPTY_HEAD;
  const events: AuditEvent[] = [];
  for (let i = 1; i <= count; i++) {
    const { event, head: next } = chainEvent(head, draft(i));
    events.push(event);
    head = next;
  }
  return events;
}

describe('hash-chained audit trail', () => {
  it('verifies an intact chain', () => {
    expect(verifyChain(chain(4))).toEqual({ ok: true, length: 4 });
  });

  it('finds an edited event', () => {
    const events = chain(4);
    events[2] = { ...events[2]!, summary: 'quietly changed' };
    expect(verifyChain(events)).toEqual({ ok: false, seq: 3, reason: 'its content was changed after it was written' });
  });

  it('finds a deleted event', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({ ok: false, seq: 2 });
  });

  it('hashes independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('records only the fields that changed', () => {
    expect(diffFields({ a: 1, b: 2, updatedAt: 'x' }, { a: 1, b: 3, updatedAt: 'y' })).toEqual({
      before: { b: 2 },
      after: { b: 3 },
    });
  });
});
