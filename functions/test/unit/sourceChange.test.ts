import fc from 'fast-check';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseState } from '../../src/domain/model/case';
import {
  caseForPayment,
  ACCOUNT_STATUS_AT,
  applySourceChange,
  sourceChangeSchema,
  type SourceChange,
} from '../../src/domain/sync/sourceChange';
import { signBody, verifySignature } from '../../src/domain/sync/signature';
import { demoCaseInStatus } from '../support/caseFactory';

const NOW = '2026-11-20T10:00:00.000Z';
const base = { source: 'bss', accountNumber: '0041234567' } as const;
const payment = (paymentId: string, amountCents: number): SourceChange => ({
  ...base,
  kind: 'payment',
  eventId: `pay-${paymentId}`,
  occurredAt: '2026-11-20T09:00:00Z',
  paymentId,
  amountCents,
  paidOn: '2026-11-20',
  method: 'cash',
});
const status = (s: string, occurredAt: string): SourceChange =>
  sourceChangeSchema.parse({ ...base, kind: 'accountStatus', eventId: `st-${occurredAt}`, occurredAt, status: s });

function apply(c: CaseState, change: SourceChange): CaseState {
  const r = applySourceChange(debtxTelco, c, change, NOW);
  return r.applied ? r.outcome.case : c;
}

describe('source change schema', () => {
  it('names each wrong field', () => {
    const r = sourceChangeSchema.safeParse({
      ...base,
      kind: 'payment',
      eventId: 'has spaces',
      occurredAt: 'yesterday',
      paymentId: 'P1',
      amountCents: -5,
      paidOn: '2026-02-30',
      method: 'barter',
    });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(Object.keys(fields).sort()).toEqual(['amountCents', 'eventId', 'method', 'occurredAt', 'paidOn']);
    expect(fields.amountCents).toBe('must be more than zero');
  });

  it('refuses an unknown kind and extra fields', () => {
    expect(sourceChangeSchema.safeParse({ ...base, kind: 'refund' }).success).toBe(false);
    expect(sourceChangeSchema.safeParse({ ...status('active', '2026-11-20T09:00:00Z'), extra: 1 }).success).toBe(false);
  });
});

describe('applying a source change to a case', () => {
  const negotiating = () => demoCaseInStatus(debtxTelco, 'NEGOTIATION', {}, 'arrears');

  it('records a payment once, through the life cycle’s payment effect', () => {
    const c = negotiating();
    const first = applySourceChange(debtxTelco, c, payment('P1', 10_000), NOW);
    expect(first.applied).toBe(true);
    const after = first.applied ? first.outcome.case : c;
    expect(after.paidCents).toBe(c.paidCents + 10_000);
    expect(after.payments.at(-1)).toMatchObject({
      reference: 'bss:P1',
      amountCents: 10_000,
      recordedBy: 'system:source-sync',
    });
    expect(after.rev).toBe(c.rev + 1);
    const again = applySourceChange(debtxTelco, after, payment('P1', 10_000), NOW);
    expect(again).toEqual({ applied: false, refused: false, reason: 'payment bss:P1 is already recorded' });
  });

  it('a payment of the whole balance closes the case as recovered', () => {
    const c = negotiating();
    const r = applySourceChange(debtxTelco, c, payment('FULL', c.arrearsCents - c.paidCents), NOW);
    if (!r.applied) throw new Error(r.reason);
    expect(r.outcome.case.status).toBe('CLOSED_RECOVERED');
    expect(r.outcome.transitions.map((t) => t.to)).toContain('CLOSED_RECOVERED');
  });

  it('a payment larger than the balance takes what is due and keeps the rest as a credit with a to-do', () => {
    const c = negotiating();
    const r = applySourceChange(debtxTelco, c, payment('BIG', c.arrearsCents + 100), NOW);
    if (!r.applied) throw new Error(r.reason);
    const after = r.outcome.case;
    expect(after.paidCents).toBe(c.arrearsCents);
    expect(after.creditCents).toBe(100);
    expect(after.credits).toEqual([expect.objectContaining({ reference: 'bss:BIG', amountCents: 100 })]);
    expect(after.tasks).toContainEqual(expect.objectContaining({ id: 'credit:bss:BIG', status: 'open' }));
    // Delivered again: nothing more is taken or credited.
    expect(applySourceChange(debtxTelco, after, payment('BIG', c.arrearsCents + 100), NOW)).toMatchObject({
      applied: false,
    });
  });

  it('one case per source payment: the oldest open arrears case, else the oldest open, else the last closed', () => {
    const at = (
      id: string,
      requiredAction: CaseState['requiredAction'],
      openedAt: string,
      closedAt: string | null,
    ) => ({
      id,
      requiredAction,
      openedAt,
      closedAt,
    });
    expect(
      caseForPayment([
        at('B', 'arrears_cpe', '2026-10-02', null),
        at('A', 'arrears', '2026-10-03', null),
        at('C', 'arrears', '2026-10-01', '2026-10-05'),
      ]),
    ).toBe('B');
    expect(caseForPayment([at('Q', 'cpe', '2026-10-02', null), at('C', 'arrears', '2026-10-01', '2026-10-05')])).toBe(
      'Q',
    );
    expect(
      caseForPayment([
        at('C1', 'arrears', '2026-10-01', '2026-10-05'),
        at('C2', 'arrears', '2026-09-01', '2026-10-09'),
      ]),
    ).toBe('C2');
    expect(caseForPayment([])).toBeNull();
  });

  it('payments commute: any order of the same payments gives the same balance', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([1, 2, 3, 4, 5], { minLength: 5, maxLength: 5 }), (order) => {
        let c = negotiating();
        for (const i of order) c = apply(c, payment(`P${i}`, i * 100));
        for (const i of order) c = apply(c, payment(`P${i}`, i * 100)); // every one delivered twice
        expect(c.paidCents).toBe(1_500);
        expect(new Set(c.payments.map((p) => p.reference)).size).toBe(5);
      }),
    );
  });

  it('account status is last-writer-wins by the source’s time, whatever order the changes arrive in', () => {
    const changes = [
      status('suspended', '2026-11-19T08:00:00Z'),
      status('disconnected', '2026-11-19T09:00:00Z'),
      status('active', '2026-11-19T10:00:00Z'),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(changes, { minLength: 3, maxLength: 3 }), (order) => {
        let c = negotiating();
        for (const change of order) c = apply(c, change);
        expect(c.accountStatus).toBe('active');
        expect(c.characteristics[ACCOUNT_STATUS_AT]).toBe('2026-11-19T10:00:00Z');
      }),
    );
  });

  it('a write-off in billing moves a case that mirrors it to WRITTEN_OFF', () => {
    const r = applySourceChange(debtxTelco, negotiating(), status('closed_written_off', '2026-11-19T08:00:00Z'), NOW);
    if (!r.applied) throw new Error(r.reason);
    expect(r.outcome.case.status).toBe('WRITTEN_OFF');
  });

  it('CPE returned at a shop is collected (awaiting RCMP) once; an unknown serial is refused', () => {
    const c = demoCaseInStatus(debtxTelco, 'NEGOTIATION', {}, 'cpe');
    const item = c.cpe[0]!;
    const returned = sourceChangeSchema.parse({
      ...base,
      source: 'oss',
      kind: 'cpeReturned',
      eventId: 'ret-1',
      occurredAt: '2026-11-19T11:00:00Z',
      serialNumber: item.serialNumber,
      location: 'Kandy Teleshop',
    });
    const r = applySourceChange(debtxTelco, c, returned, NOW);
    if (!r.applied) throw new Error(r.reason);
    expect(r.outcome.case.cpe[0]).toMatchObject({ status: 'collected', condition: 'returned at Kandy Teleshop' });
    expect(applySourceChange(debtxTelco, r.outcome.case, returned, NOW)).toMatchObject({
      applied: false,
      refused: false,
    });
    const unknown = applySourceChange(debtxTelco, c, { ...returned, serialNumber: 'NOPE' } as SourceChange, NOW);
    expect(unknown).toMatchObject({ applied: false, refused: true });
  });

  it('a closed case keeps its status; a payment for it is kept as a credit', () => {
    const closed = demoCaseInStatus(debtxTelco, 'CLOSED_RECOVERED', {}, 'arrears');
    expect(applySourceChange(debtxTelco, closed, status('suspended', '2026-11-19T08:00:00Z'), NOW)).toMatchObject({
      applied: false,
    });
    const r = applySourceChange(debtxTelco, closed, payment('P9', 100), NOW);
    if (!r.applied) throw new Error(r.reason);
    expect(r.outcome.case).toMatchObject({ status: 'CLOSED_RECOVERED', paidCents: closed.paidCents, creditCents: 100 });
  });
});

describe('webhook signatures', () => {
  const secret = 'shh';
  const body = JSON.stringify(payment('P1', 100));
  const nowMs = Date.parse('2026-11-20T10:00:00Z');
  const ts = nowMs / 1000;

  it('accepts the signature of the exact body and time', () => {
    expect(
      verifySignature(secret, { timestamp: String(ts), signature: signBody(secret, ts, body) }, body, nowMs),
    ).toEqual({
      ok: true,
    });
  });

  it.each([
    ['a changed body', { timestamp: String(ts), signature: signBody(secret, ts, body) }, `${body} `, 'does not match'],
    ['another secret', { timestamp: String(ts), signature: signBody('other', ts, body) }, body, 'does not match'],
    [
      'a replay ten minutes later',
      { timestamp: String(ts - 600), signature: signBody(secret, ts - 600, body) },
      body,
      'from now',
    ],
    ['no signature', { timestamp: String(ts), signature: undefined }, body, 'missing or malformed'],
    [
      'no timestamp',
      { timestamp: undefined, signature: signBody(secret, ts, body) },
      body,
      'missing or not unix seconds',
    ],
  ])('refuses %s', (_what, headers, raw, reason) => {
    const r = verifySignature(secret, headers, raw, nowMs);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });

  it('refuses everything when no secret is configured', () => {
    expect(verifySignature('', { timestamp: String(ts), signature: signBody('', ts, body) }, body, nowMs).ok).toBe(
      false,
    );
  });
});
