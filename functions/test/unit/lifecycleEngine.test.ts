import {
  applyAction,
  availableActions,
  manualTransition,
  MAX_CASCADE,
  startCase,
} from '../../src/domain/lifecycle/engine';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseTypeConfig } from '../../src/domain/lifecycle/types';
import type { CaseState } from '../../src/domain/model/case';
import type { Actor } from '../../src/domain/model/roles';
import { buildNewCase } from '../../src/domain/cases/newCase';
import { demoSourceAccount } from '../../src/demo/sourceAccounts';

const NOW = '2026-11-23T10:00:00.000Z';
const officer: Actor = { uid: 'u-officer', role: 'recovery_officer' };
const ro: Actor = { uid: 'u-ro', role: 'ro', drcId: 'drc1' };
const drcAdmin: Actor = { uid: 'u-drc', role: 'drc_admin', drcId: 'drc1' };
const system: Actor = { uid: 'system', role: 'system' };

function newCase(action: 'arrears' | 'cpe' | 'arrears_cpe' = 'arrears'): CaseState {
  const built = buildNewCase(debtxTelco, demoSourceAccount('0041234567')!, action, 'C1', officer, NOW);
  if ('ok' in built) throw new Error(built.message);
  return built.case;
}

function act(
  c: CaseState,
  actor: Actor,
  action: string,
  result: string,
  inputs: Record<string, unknown> = {},
): CaseState {
  const r = applyAction(debtxTelco, c, { action, result, inputs, requestId: `r-${c.rev}` }, actor, NOW);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.case;
}

function assigned(action: 'arrears' | 'cpe' | 'arrears_cpe' = 'arrears'): CaseState {
  const placed = act(newCase(action), system, 'assignDrc', 'assigned', { drcId: 'drc1', reason: 'test' });
  return act(placed, drcAdmin, 'assignRo', 'assigned', { roId: 'u-ro' });
}

describe('life-cycle engine on the DebtX configuration', () => {
  it('starts a new case in the initial status with every product linked', () => {
    const c = newCase();
    expect(c.status).toBe('OPEN');
    expect(c.arrearsCents).toBe(c.products.reduce((s, p) => s + p.arrearsCents, 0));
  });

  it('moves by system transitions when a DRC and then an RO are assigned', () => {
    const placed = act(newCase(), system, 'assignDrc', 'assigned', { drcId: 'drc1', reason: 'test' });
    expect(placed.status).toBe('DRC_ASSIGNED');
    expect(placed.assignment.validUntil).toBe('2027-01-22T10:00:00.000Z');
    const withRo = act(placed, drcAdmin, 'assignRo', 'assigned', { roId: 'u-ro' });
    expect(withRo.status).toBe('RO_ASSIGNED');
    expect(withRo.rev).toBe(placed.rev + 1);
  });

  it('refuses an action the role may not record, naming the role', () => {
    const r = applyAction(
      debtxTelco,
      assigned(),
      { action: 'recordContact', result: 'no_answer', inputs: { channel: 'phone' }, requestId: 'x' },
      officer,
      NOW,
    );
    expect(r).toMatchObject({ ok: false, code: 'role-not-allowed' });
  });

  it('refuses missing, wrong-typed and stray inputs field by field', () => {
    const r = applyAction(
      debtxTelco,
      assigned(),
      {
        action: 'recordPayment',
        result: 'received',
        inputs: { amountCents: -5, paidOn: '2026-02-30', method: 'gold', extra: 1 },
        requestId: 'x',
      },
      ro,
      NOW,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('invalid-input');
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(
      ['(form)', 'amountCents', 'method', 'paidOn', 'reference'].sort(),
    );
  });

  it('refuses a payment dated in the future and one above the amount due', () => {
    const c = assigned();
    const future = applyAction(
      debtxTelco,
      c,
      {
        action: 'recordPayment',
        result: 'received',
        inputs: { amountCents: 100, paidOn: '2026-11-24', method: 'cash', reference: 'A' },
        requestId: 'x',
      },
      ro,
      NOW,
    );
    expect(future).toMatchObject({ ok: false, code: 'paid-in-future' });
    const over = applyAction(
      debtxTelco,
      c,
      {
        action: 'recordPayment',
        result: 'received',
        inputs: { amountCents: c.arrearsCents + 1, paidOn: '2026-11-23', method: 'cash', reference: 'A' },
        requestId: 'x',
      },
      ro,
      NOW,
    );
    expect(over).toMatchObject({ ok: false, code: 'overpayment' });
  });

  it('settles in instalments, allocates payments oldest first, and closes when paid', () => {
    const c = assigned();
    const agreed = c.arrearsCents - Math.floor(c.arrearsCents * 0.05);
    const settled = act(c, ro, 'recordContact', 'settlement_agreed', {
      channel: 'visit',
      agreedCents: agreed,
      instalments: 3,
      firstDueDate: '2026-12-01',
    });
    expect(settled.status).toBe('SETTLEMENT');
    expect(settled.settlement?.instalments.map((i) => i.dueDate)).toEqual(['2026-12-01', '2027-01-01', '2027-02-01']);
    const [i1, i2] = settled.settlement!.instalments;
    const part = act(settled, ro, 'recordPayment', 'received', {
      amountCents: i1!.amountCents + 10,
      paidOn: '2026-11-23',
      method: 'cash',
      reference: 'P1',
    });
    expect(part.settlement!.instalments.map((i) => i.paidCents)).toEqual([i1!.amountCents, 10, 0]);
    expect(part.status).toBe('SETTLEMENT');
    const rest = agreed - part.paidCents;
    const done = act(part, ro, 'recordPayment', 'received', {
      amountCents: rest,
      paidOn: '2026-11-23',
      method: 'cash',
      reference: 'P2',
    });
    expect(done.status).toBe('CLOSED_RECOVERED');
    expect(done.closedAt).toBe(NOW);
    expect(i2).toBeDefined();
  });

  it('keeps an arrears-and-CPE case open until RCMP approves the equipment', () => {
    let c = assigned('arrears_cpe');
    c = act(c, ro, 'recordPayment', 'received', {
      amountCents: c.arrearsCents,
      paidOn: '2026-11-23',
      method: 'cash',
      reference: 'FULL',
    });
    expect(c.status).toBe('RO_ASSIGNED');
    for (const item of c.cpe)
      c = act(c, ro, 'recordCpeCollection', 'collected', { itemId: item.itemId, condition: 'ok' });
    expect(c.status).toBe('RO_ASSIGNED');
    const rcmp: Actor = { uid: 'u-rcmp', role: 'rcmp' };
    for (const item of c.cpe) c = act(c, rcmp, 'decideCpe', 'decided', { itemId: item.itemId, approved: true });
    expect(c.status).toBe('CLOSED_RECOVERED');
  });

  it('refuses a discount above the RO limit but lets a supervisor-level role agree it', () => {
    const c = assigned();
    const half = Math.floor(c.arrearsCents / 2);
    const r = applyAction(
      debtxTelco,
      c,
      {
        action: 'recordContact',
        result: 'settlement_agreed',
        inputs: { channel: 'visit', agreedCents: half, instalments: 1, firstDueDate: '2026-12-01' },
        requestId: 'x',
      },
      ro,
      NOW,
    );
    expect(r).toMatchObject({ ok: false, code: 'discount-above-limit' });
  });

  it('refuses every action on a closed case, and offers none', () => {
    const written = manualTransition(
      debtxTelco,
      assigned(),
      'WRITTEN_OFF',
      'Customer emigrated',
      { uid: 's', role: 'supervisor' },
      NOW,
    );
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(written.case.closureReason).toBe('Customer emigrated');
    expect(availableActions(debtxTelco, written.case, ro)).toEqual([]);
    const again = applyAction(
      debtxTelco,
      written.case,
      { action: 'recordContact', result: 'no_answer', inputs: { channel: 'phone' }, requestId: 'x' },
      ro,
      NOW,
    );
    expect(again).toMatchObject({ ok: false, code: 'case-closed' });
  });

  it('only lets the configured roles make a manual transition', () => {
    const r = manualTransition(debtxTelco, assigned(), 'WRITTEN_OFF', 'no', ro, NOW);
    expect(r).toMatchObject({ ok: false, code: 'transition-not-allowed' });
  });

  it('stops a loop of system transitions with a clear error', () => {
    const looping: CaseTypeConfig = {
      ...debtxTelco,
      transitions: [
        { from: 'OPEN', to: 'DRC_ASSIGNED', mode: 'system', guard: { guard: 'noRo' } },
        { from: 'DRC_ASSIGNED', to: 'NEGOTIATION', mode: 'system', guard: { guard: 'noRo' } },
        { from: 'NEGOTIATION', to: 'DRC_ASSIGNED', mode: 'system', guard: { guard: 'noRo' } },
      ],
    };
    const r = startCase(looping, { ...newCase(), status: 'OPEN' }, NOW);
    expect(r).toMatchObject({ ok: false, code: 'lifecycle-loop' });
    expect(MAX_CASCADE).toBeGreaterThan(2);
  });
});
