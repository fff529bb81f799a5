import fc from 'fast-check';
import { applyAction, availableActions, manualTransition, runMonitors } from '../../src/domain/lifecycle/engine';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { allocateToInstalments, reallocateInstalments } from '../../src/domain/lifecycle/effects';
import type { CaseState } from '../../src/domain/model/case';
import type { Actor } from '../../src/domain/model/roles';
import { buildNewCase } from '../../src/domain/cases/newCase';
import { demoSourceAccount } from '../../src/demo/sourceAccounts';
import { approvalDocs, roRequestDocs } from '../../src/domain/requests/mirrors';

/** The recovery officer's field work (docs/decisions/0013), on the DebtX telecom life cycle. */
const NOW = '2026-11-23T10:00:00.000Z';
const TODAY = '2026-11-23';
/** Two days after the case opened: contacts and collections may then be dated in between. */
const LATER = '2026-11-25T09:00:00.000Z';
const officer: Actor = { uid: 'u-officer', role: 'recovery_officer' };
const supervisor: Actor = { uid: 'u-sup', role: 'supervisor' };
const ro: Actor = { uid: 'u-ro', role: 'ro', drcId: 'drc1' };
const drcAdmin: Actor = { uid: 'u-drc', role: 'drc_admin', drcId: 'drc1' };
const rcmp: Actor = { uid: 'u-rcmp', role: 'rcmp' };
const board: Actor = { uid: 'u-board', role: 'mediation_board' };
const system: Actor = { uid: 'system', role: 'system' };

let seq = 0;
function attempt(
  c: CaseState,
  actor: Actor,
  action: string,
  result: string,
  inputs: Record<string, unknown> = {},
  now = NOW,
) {
  return applyAction(debtxTelco, c, { action, result, inputs, requestId: `r-${++seq}` }, actor, now);
}

function act(
  c: CaseState,
  actor: Actor,
  action: string,
  result: string,
  inputs: Record<string, unknown> = {},
  now = NOW,
) {
  const r = attempt(c, actor, action, result, inputs, now);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.case;
}

function refused(c: CaseState, actor: Actor, action: string, result: string, inputs: Record<string, unknown> = {}) {
  const r = attempt(c, actor, action, result, inputs);
  if (r.ok) throw new Error(`expected ${action}/${result} to be refused`);
  return r;
}

function assigned(action: 'arrears' | 'cpe' | 'arrears_cpe' = 'arrears'): CaseState {
  const built = buildNewCase(debtxTelco, demoSourceAccount('0041234567')!, action, 'C1', officer, NOW);
  if ('ok' in built) throw new Error(built.message);
  const placed = act(built.case, system, 'assignDrc', 'assigned', { drcId: 'drc1', reason: 'test' });
  return act(placed, drcAdmin, 'assignRo', 'assigned', { roId: 'u-ro' });
}

const pay = (c: CaseState, amountCents: number, reference: string) =>
  act(c, ro, 'recordPayment', 'received', { amountCents, paidOn: TODAY, method: 'cash', reference });

function inBoard(): CaseState {
  const c = act(assigned(), ro, 'recordContact', 'refused', { channel: 'visit' });
  return act(c, ro, 'escalate', 'escalated', { notes: 'Refuses to pay after three visits' });
}

describe('contacts', () => {
  it('records channel, date, outcome, reason of delinquency, notes and next follow-up', () => {
    const c = act(
      assigned(),
      ro,
      'recordContact',
      'call_back',
      {
        channel: 'phone',
        contactedOn: '2026-11-24',
        delinquencyReason: 'job_loss',
        notes: 'Lost his job last month',
        nextFollowUpOn: '2026-11-30',
      },
      LATER,
    );
    expect(c.status).toBe('NEGOTIATION');
    expect(c.lastContact).toMatchObject({
      channel: 'phone',
      outcome: 'call_back',
      contactedOn: '2026-11-24',
      notes: 'Lost his job last month',
      by: 'u-ro',
    });
    expect(c.characteristics.delinquencyReason).toBe('job_loss');
    expect(c.nextFollowUpOn).toBe('2026-11-30');
  });

  it('takes today as the contact date when none is given', () => {
    expect(act(assigned(), ro, 'recordContact', 'no_answer', { channel: 'sms' }).lastContact?.contactedOn).toBe(TODAY);
  });

  it.each([
    [{ channel: 'phone', contactedOn: '2026-11-24' }, 'contact-in-future', 'contactedOn'],
    [{ channel: 'phone', contactedOn: '2020-01-01' }, 'contact-before-case', 'contactedOn'],
    [{ channel: 'phone', nextFollowUpOn: '2026-11-22' }, 'follow-up-in-past', 'nextFollowUpOn'],
    [{ channel: 'pigeon' }, 'invalid-input', 'channel'],
    [{}, 'invalid-input', 'channel'],
    [{ channel: 'phone', contactedOn: 20261122 }, 'invalid-input', 'contactedOn'],
    [{ channel: 'phone', contactedOn: '2026-02-30' }, 'invalid-input', 'contactedOn'],
    [{ channel: 'phone', delinquencyReason: 'aliens' }, 'invalid-input', 'delinquencyReason'],
  ])('refuses %j with %s on %s', (inputs, code, field) => {
    const r = refused(assigned(), ro, 'recordContact', 'call_back', inputs);
    expect(r.code).toBe(code);
    expect(r.fields?.[field]).toBeDefined();
  });

  it('offers the configured outcomes as results, and only to the RO', () => {
    const recordContact = availableActions(debtxTelco, assigned(), ro).find((a) => a.code === 'recordContact');
    expect(recordContact?.results.map((r) => r.code)).toEqual(
      expect.arrayContaining(['no_answer', 'promised', 'settlement_agreed', 'settlement_proposed', 'disputes']),
    );
    expect(refused(assigned(), officer, 'recordContact', 'no_answer', { channel: 'phone' }).code).toBe(
      'role-not-allowed',
    );
  });
});

describe('promises to pay', () => {
  it('are kept by payments and broken by the monitor after their date', () => {
    const c = act(assigned(), ro, 'recordContact', 'promised', {
      channel: 'phone',
      promiseAmountCents: 10_000,
      promiseDate: '2026-11-30',
    });
    const kept = pay(c, 10_000, 'PK1');
    expect(kept.promises[0]).toMatchObject({ status: 'kept', decidedAt: NOW });
    const broken = runMonitors(debtxTelco, c, '2026-12-03T01:00:00.000Z');
    expect(broken.ok && broken.case.promises[0]?.status).toBe('broken');
  });

  it.each([
    [{ promiseAmountCents: -1, promiseDate: '2026-11-30' }, 'promiseAmountCents'],
    [{ promiseAmountCents: 1e15, promiseDate: '2026-11-30' }, 'promiseAmountCents'],
    [{ promiseAmountCents: 10.5, promiseDate: '2026-11-30' }, 'promiseAmountCents'],
    [{ promiseAmountCents: 100, promiseDate: '2026-11-01' }, 'promiseDate'],
  ])('refuses a bad promise %j', (promise, field) => {
    const r = refused(assigned(), ro, 'recordContact', 'promised', { channel: 'phone', ...promise });
    expect(r.fields?.[field]).toBeDefined();
  });
});

describe('settlements and the discount limit (maker-checker)', () => {
  const bigDiscount = (c: CaseState) => ({
    channel: 'visit',
    agreedCents: Math.floor(c.arrearsCents / 2),
    instalments: 3,
    firstDueDate: '2026-12-01',
  });

  it('applies a lump sum within the RO limit at once', () => {
    const c = assigned();
    const agreed = act(c, ro, 'recordContact', 'settlement_agreed', {
      channel: 'visit',
      agreedCents: c.arrearsCents - Math.floor(c.arrearsCents * 0.1),
      instalments: 1,
      firstDueDate: '2026-12-01',
    });
    expect(agreed.status).toBe('SETTLEMENT');
    expect(agreed.settlement).toMatchObject({ plan: 'lump_sum', approvalId: null });
    expect(agreed.settlement?.instalments).toHaveLength(1);
  });

  it('sends a discount above the limit to a supervisor, who applies it; the case then settles', () => {
    const c = assigned();
    const proposed = act(c, ro, 'recordContact', 'settlement_proposed', bigDiscount(c));
    expect(proposed.status).toBe('NEGOTIATION');
    expect(proposed.settlement).toBeNull();
    expect(proposed.approvals).toHaveLength(1);
    expect(proposed.approvals[0]).toMatchObject({ state: 'pending', makerUid: 'u-ro', kind: 'settlement_discount' });
    expect(availableActions(debtxTelco, proposed, ro).map((a) => a.code)).not.toContain('decideSettlement');
    const approved = act(proposed, supervisor, 'decideSettlement', 'approved', { note: 'hardship verified' });
    expect(approved.status).toBe('SETTLEMENT');
    expect(approved.approvals[0]).toMatchObject({ state: 'approved', checkerUid: 'u-sup', note: 'hardship verified' });
    expect(approved.settlement).toMatchObject({
      plan: 'instalments',
      approvalId: proposed.approvals[0]!.id,
      agreedBy: 'u-ro',
      discountCents: c.arrearsCents - Math.floor(c.arrearsCents / 2),
    });
  });

  it('never lets the maker decide their own proposal', () => {
    const c = assigned();
    const proposed = act(c, ro, 'recordContact', 'settlement_proposed', bigDiscount(c));
    // A supervisor who made the proposal (e.g. a maker with the supervisor role) cannot check it.
    const selfMade = {
      ...proposed,
      approvals: proposed.approvals.map((a) => ({ ...a, makerUid: supervisor.uid })),
    };
    expect(refused(selfMade, supervisor, 'decideSettlement', 'approved').code).toBe('maker-cannot-approve');
    expect(refused(proposed, ro, 'decideSettlement', 'approved').code).toBe('role-not-allowed');
    expect(refused(proposed, officer, 'decideSettlement', 'approved').code).toBe('role-not-allowed');
  });

  it('lets a supervisor reject with a reason; the case stays in negotiation', () => {
    const c = assigned();
    const proposed = act(c, ro, 'recordContact', 'settlement_proposed', bigDiscount(c));
    expect(refused(proposed, supervisor, 'decideSettlement', 'rejected').fields?.note).toBeDefined();
    const rejected = act(proposed, supervisor, 'decideSettlement', 'rejected', { note: 'too generous' });
    expect(rejected.status).toBe('NEGOTIATION');
    expect(rejected.settlement).toBeNull();
    expect(rejected.approvals[0]?.state).toBe('rejected');
    expect(refused(rejected, supervisor, 'decideSettlement', 'approved').code).toBe('no-pending-approval');
  });

  it('refuses a second proposal while one is pending, and a proposal within the limit', () => {
    const c = assigned();
    const proposed = act(c, ro, 'recordContact', 'settlement_proposed', bigDiscount(c));
    expect(refused(proposed, ro, 'recordContact', 'settlement_proposed', bigDiscount(c)).code).toBe('approval-pending');
    expect(
      refused(c, ro, 'recordContact', 'settlement_proposed', {
        channel: 'visit',
        agreedCents: c.arrearsCents,
        instalments: 1,
        firstDueDate: '2026-12-01',
      }).code,
    ).toBe('within-limit');
  });

  it('withdraws a pending proposal when a settlement within the limit is agreed instead', () => {
    const c = assigned();
    const proposed = act(c, ro, 'recordContact', 'settlement_proposed', bigDiscount(c));
    const agreed = act(proposed, ro, 'recordContact', 'settlement_agreed', {
      channel: 'visit',
      agreedCents: c.arrearsCents,
      instalments: 2,
      firstDueDate: '2026-12-01',
    });
    expect(agreed.approvals[0]?.state).toBe('withdrawn');
    expect(refused(agreed, supervisor, 'decideSettlement', 'approved').code).toBe('no-pending-approval');
  });

  it('refuses to apply a proposal the case has outgrown (its first due date passed)', () => {
    const c = assigned();
    const proposed = act(c, ro, 'recordContact', 'settlement_proposed', bigDiscount(c));
    const late = attempt(proposed, supervisor, 'decideSettlement', 'approved', {}, '2026-12-05T10:00:00.000Z');
    expect(late).toMatchObject({ ok: false, code: 'proposal-stale' });
  });

  it.each([
    [{ agreedCents: 0 }, 'agreedCents'],
    [{ agreedCents: -100 }, 'agreedCents'],
    [{ agreedCents: 'lots' }, 'agreedCents'],
    [{ instalments: 0 }, 'instalments'],
    [{ instalments: 13 }, 'instalments'],
    [{ instalments: 1.5 }, 'instalments'],
    [{ firstDueDate: '2026-11-01' }, 'firstDueDate'],
    [{ agreedCents: 10_000_000_000 }, 'agreedCents'],
  ])('refuses a bad settlement %j', (bad, field) => {
    const c = assigned();
    const r = refused(c, ro, 'recordContact', 'settlement_agreed', {
      channel: 'visit',
      agreedCents: c.arrearsCents,
      instalments: 2,
      firstDueDate: '2026-12-01',
      ...bad,
    });
    expect(r.fields?.[field]).toBeDefined();
  });
});

describe('payments, allocation and reversals', () => {
  function settled(): CaseState {
    const c = assigned();
    return act(c, ro, 'recordContact', 'settlement_agreed', {
      channel: 'visit',
      agreedCents: c.arrearsCents,
      instalments: 3,
      firstDueDate: '2026-12-01',
    });
  }

  it('allocates to the oldest due instalment first', () => {
    const c = settled();
    const [i1] = c.settlement!.instalments;
    const paid = pay(c, i1!.amountCents + 5, 'A1');
    expect(paid.settlement!.instalments.map((i) => i.paidCents)).toEqual([i1!.amountCents, 5, 0]);
  });

  it('reverses a payment: it no longer counts, the allocation is undone, the trail keeps it', () => {
    const c = settled();
    const once = pay(c, 1000, 'CHQ-1');
    const twice = pay(once, 2000, 'CHQ-2');
    const reversed = act(twice, officer, 'reversePayment', 'reversed', {
      reference: 'chq-1',
      reason: 'Cheque bounced',
    });
    expect(reversed.paidCents).toBe(2000);
    expect(reversed.payments).toHaveLength(2);
    expect(reversed.payments[0]).toMatchObject({ reversedBy: 'u-officer', reversalReason: 'Cheque bounced' });
    expect(reversed.settlement!.instalments.map((i) => i.paidCents)).toEqual([2000, 0, 0]);
    // The same reference may be recorded again once the first is reversed (a re-presented cheque).
    expect(pay(reversed, 1000, 'CHQ-1').paidCents).toBe(3000);
  });

  it('refuses to reverse an unknown or already reversed payment, and refuses the RO', () => {
    const c = pay(settled(), 1000, 'R1');
    expect(refused(c, officer, 'reversePayment', 'reversed', { reference: 'NOPE', reason: 'x' }).code).toBe(
      'unknown-payment',
    );
    const once = act(c, officer, 'reversePayment', 'reversed', { reference: 'R1', reason: 'Wrong account' });
    expect(refused(once, officer, 'reversePayment', 'reversed', { reference: 'R1', reason: 'again' }).code).toBe(
      'already-reversed',
    );
    expect(refused(c, ro, 'reversePayment', 'reversed', { reference: 'R1', reason: 'x' }).code).toBe(
      'role-not-allowed',
    );
    expect(refused(c, officer, 'reversePayment', 'reversed', { reference: 'R1' }).fields?.reason).toBe('is required');
  });

  it('reopens a promise kept only by the reversed payment; the monitor then breaks it after its date', () => {
    const c = act(assigned(), ro, 'recordContact', 'promised', {
      channel: 'phone',
      promiseAmountCents: 5000,
      promiseDate: '2026-11-25',
    });
    const kept = pay(c, 5000, 'PR1');
    expect(kept.promises[0]?.status).toBe('kept');
    const reopened = act(kept, supervisor, 'reversePayment', 'reversed', { reference: 'PR1', reason: 'Bounced' });
    expect(reopened.promises[0]).toMatchObject({ status: 'open', decidedAt: null });
    const later = runMonitors(debtxTelco, reopened, '2026-11-29T10:00:00.000Z');
    expect(later.ok && later.case.promises[0]?.status).toBe('broken');
  });

  it('refuses payments that are negative, absurd, in the future, or above what is owed', () => {
    const c = settled();
    const base = { paidOn: TODAY, method: 'cash', reference: 'X1' };
    expect(refused(c, ro, 'recordPayment', 'received', { ...base, amountCents: -1 }).fields?.amountCents).toBeDefined();
    expect(
      refused(c, ro, 'recordPayment', 'received', { ...base, amountCents: 1e14 }).fields?.amountCents,
    ).toBeDefined();
    expect(refused(c, ro, 'recordPayment', 'received', { ...base, amountCents: 100, paidOn: '2026-12-01' }).code).toBe(
      'paid-in-future',
    );
    expect(refused(c, ro, 'recordPayment', 'received', { ...base, amountCents: c.arrearsCents + 1 }).code).toBe(
      'overpayment',
    );
  });

  it('re-allocation after any reversals equals allocating the live total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 40_000 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 30_000 }),
        (amounts, payments, base) => {
          const instalments = amounts.map((amountCents, i) => ({
            seq: i + 1,
            dueDate: `2027-0${(i % 9) + 1}-01`,
            amountCents,
            paidCents: 0,
          }));
          const planned = amounts.reduce((s, a) => s + a, 0);
          const settlement = {
            agreedCents: base + planned,
            discountCents: 0,
            instalments,
            agreedAt: NOW,
            agreedBy: 'x',
          };
          const paid = Math.min(
            base + planned,
            payments.reduce((s, p) => s + p, 0),
          );
          const re = reallocateInstalments(settlement, paid);
          const direct = allocateToInstalments(instalments, Math.max(0, paid - base));
          expect(re).toEqual(direct);
          // Open instalments always add up to what is still owed.
          const open = re.reduce((s, i) => s + i.amountCents - i.paidCents, 0);
          expect(open).toBe(base + planned - Math.max(paid, base));
          // Oldest first: no instalment is paid while an earlier one is still open.
          re.forEach((inst, i) => {
            if (inst.paidCents > 0) expect(re.slice(0, i).every((p) => p.paidCents === p.amountCents)).toBe(true);
          });
        },
      ),
    );
  });
});

describe('CPE collection', () => {
  it('records condition, date, place and photo; RCMP approves each; the CPE part succeeds when all are', () => {
    let c = assigned('cpe');
    expect(c.cpe.length).toBeGreaterThan(0);
    for (const item of c.cpe) {
      c = act(
        c,
        ro,
        'recordCpeCollection',
        'collected',
        {
          itemId: item.itemId,
          condition: 'Working',
          collectedOn: '2026-11-24',
          location: 'Customer’s home, Kandy',
          photoRef: `photos/${item.itemId}.jpg`,
        },
        LATER,
      );
    }
    expect(c.cpe[0]).toMatchObject({
      status: 'collected',
      collectedOn: '2026-11-24',
      location: 'Customer’s home, Kandy',
      collectedBy: 'u-ro',
    });
    const [first, ...rest] = c.cpe;
    let after = act(c, rcmp, 'decideCpe', 'decided', { itemId: first!.itemId, approved: true });
    for (const item of rest) {
      expect(after.status).not.toBe('CLOSED_RECOVERED');
      after = act(after, rcmp, 'decideCpe', 'decided', { itemId: item.itemId, approved: true });
    }
    expect(after.status).toBe('CLOSED_RECOVERED');
    expect(after.cpe.every((i) => i.decidedBy === 'u-rcmp')).toBe(true);
  });

  it('needs a reason to reject; a rejected item can be collected again', () => {
    const item = assigned('cpe').cpe[0]!;
    const c = act(assigned('cpe'), ro, 'recordCpeCollection', 'collected', {
      itemId: item.itemId,
      condition: 'Cracked',
    });
    expect(refused(c, rcmp, 'decideCpe', 'decided', { itemId: item.itemId, approved: false }).code).toBe(
      'reason-required',
    );
    const rejected = act(c, rcmp, 'decideCpe', 'decided', {
      itemId: item.itemId,
      approved: false,
      reason: 'Not our model',
    });
    expect(rejected.cpe[0]).toMatchObject({ status: 'rejected', decisionReason: 'Not our model' });
    expect(refused(rejected, rcmp, 'decideCpe', 'decided', { itemId: item.itemId, approved: true }).code).toBe(
      'not-collected',
    );
    const again = act(rejected, ro, 'recordCpeCollection', 'collected', {
      itemId: item.itemId,
      condition: 'The right one',
    });
    expect(again.cpe[0]).toMatchObject({ status: 'collected', decisionReason: null });
  });

  it('sends a failed collection back to negotiation, or to the board when the customer refuses', () => {
    const c = assigned('cpe');
    const item = c.cpe[0]!;
    const notReached = act(c, ro, 'cpeCollectionFailed', 'not_reached', { itemId: item.itemId, reason: 'Nobody home' });
    expect(notReached.status).toBe('NEGOTIATION');
    expect(notReached.cpe[0]).toMatchObject({ failedAttempts: 1, failureReason: 'Nobody home', status: 'pending' });
    const refusedIt = act(notReached, ro, 'cpeCollectionFailed', 'refused', {
      itemId: item.itemId,
      reason: 'Will not',
    });
    expect(refusedIt.status).toBe('MEDIATION_BOARD');
    expect(refusedIt.boardPhase).toBe('escalated');
    expect(refusedIt.board).toMatchObject({ reason: 'refused', escalatedBy: 'u-ro' });
    // From there the board path is the usual one.
    expect(act(refusedIt, ro, 'roRequest', 'board_letter', { reason: 'Will not return it' }).boardPhase).toBe(
      'letter_requested',
    );
    expect(refusedIt.cpe[0]?.failedAttempts).toBe(2);
  });

  it.each([
    [{ condition: 'ok', collectedOn: '2026-11-24' }, 'collected-in-future', 'collectedOn'],
    [{ condition: 'ok', collectedOn: '2019-01-01' }, 'collected-before-case', 'collectedOn'],
    [{ condition: '' }, 'invalid-input', 'condition'],
    [{ condition: 'ok', photoRef: '' }, 'invalid-input', 'photoRef'],
    [{ condition: 'ok', location: 42 }, 'invalid-input', 'location'],
  ])('refuses a bad collection %j', (inputs, code, field) => {
    const c = assigned('cpe');
    const r = refused(c, ro, 'recordCpeCollection', 'collected', { itemId: c.cpe[0]!.itemId, ...inputs });
    expect(r.code).toBe(code);
    expect(r.fields?.[field]).toBeDefined();
  });

  it('refuses unknown items, an arrears-only case, and roles other than the RO / RCMP', () => {
    const c = assigned('cpe');
    expect(refused(c, ro, 'recordCpeCollection', 'collected', { itemId: 'nope', condition: 'ok' }).code).toBe(
      'unknown-item',
    );
    expect(refused(assigned(), ro, 'cpeCollectionFailed', 'not_reached', { itemId: 'x', reason: 'r' }).code).toBe(
      'no-cpe',
    );
    expect(
      refused(c, rcmp, 'recordCpeCollection', 'collected', { itemId: c.cpe[0]!.itemId, condition: 'ok' }).code,
    ).toBe('role-not-allowed');
    expect(refused(c, ro, 'decideCpe', 'decided', { itemId: c.cpe[0]!.itemId, approved: true }).code).toBe(
      'role-not-allowed',
    );
  });
});

describe('mediation board', () => {
  it('runs escalated → letter requested → letter issued → hearing → response → outcome', () => {
    const escalated = inBoard();
    expect(escalated.status).toBe('MEDIATION_BOARD');
    expect(escalated.boardPhase).toBe('escalated');
    expect(escalated.board).toMatchObject({ escalatedBy: 'u-ro', reason: 'Refuses to pay after three visits' });
    expect(refused(escalated, board, 'scheduleHearing', 'scheduled', { hearingDate: '2026-12-10' }).code).toBe(
      'no-letter',
    );
    const requested = act(escalated, ro, 'roRequest', 'board_letter', { reason: 'Negotiation failed' });
    expect(requested.boardPhase).toBe('letter_requested');
    const id = requested.roRequests[0]!.id;
    const issued = act(requested, officer, 'decideRoRequest', 'approved', { requestId: id });
    expect(issued.boardPhase).toBe('letter_issued');
    expect(issued.board?.letterIssuedAt).toBe(NOW);
    const scheduled = act(issued, board, 'scheduleHearing', 'scheduled', {
      hearingDate: '2026-12-10',
      hearingPlace: 'Kandy board office',
    });
    expect(scheduled).toMatchObject({ boardPhase: 'hearing_scheduled' });
    expect(scheduled.board).toMatchObject({ hearingDate: '2026-12-10', hearingPlace: 'Kandy board office' });
    const early = attempt(scheduled, board, 'boardResponse', 'absent', {});
    expect(early).toMatchObject({ ok: false, code: 'hearing-not-held' });
    const later = '2026-12-10T15:00:00.000Z';
    const responded = act(scheduled, board, 'boardResponse', 'attended_agreed', { notes: 'Agreed to pay' }, later);
    expect(responded.boardPhase).toBe('customer_responded');
    expect(responded.board?.customerResponse).toBe('attended_agreed');
    const settled = act(responded, board, 'boardOutcome', 'settled', { notes: 'Pays in 6 months' }, later);
    expect(settled).toMatchObject({ status: 'SETTLEMENT', boardPhase: 'settled' });
    const unresolved = act(responded, board, 'boardOutcome', 'unresolved', { notes: 'No agreement' }, later);
    expect(unresolved).toMatchObject({ status: 'LEGAL', boardPhase: 'unresolved' });
  });

  it('raises a to-do once when a hearing passed without a response, again for a rescheduled one', () => {
    const requested = act(inBoard(), ro, 'roRequest', 'board_letter', { reason: 'x' });
    const issued = act(requested, officer, 'decideRoRequest', 'approved', { requestId: requested.roRequests[0]!.id });
    const scheduled = act(issued, board, 'scheduleHearing', 'scheduled', { hearingDate: '2026-12-10' });
    expect(scheduled.nextMonitorAt).toBe('2026-12-13T00:00:00.000Z');
    const early = runMonitors(debtxTelco, scheduled, '2026-12-12T10:00:00.000Z');
    expect(early.ok && early.case.tasks.some((t) => t.type === 'board_response_missing')).toBe(false);
    const late = runMonitors(debtxTelco, scheduled, '2026-12-13T10:00:00.000Z');
    if (!late.ok) throw new Error(late.message);
    expect(late.case.tasks.filter((t) => t.type === 'board_response_missing')).toHaveLength(1);
    const again = runMonitors(debtxTelco, late.case, '2026-12-14T10:00:00.000Z');
    expect(again.ok && again.changed).toBe(false);
    const moved = act(
      late.case,
      board,
      'scheduleHearing',
      'scheduled',
      { hearingDate: '2026-12-20' },
      '2026-12-14T10:00:00.000Z',
    );
    const lateAgain = runMonitors(debtxTelco, moved, '2026-12-23T10:00:00.000Z');
    if (!lateAgain.ok) throw new Error(lateAgain.message);
    expect(lateAgain.case.tasks.filter((t) => t.type === 'board_response_missing')).toHaveLength(2);
  });

  it('sends the letter back to escalated when the request is rejected', () => {
    const requested = act(inBoard(), ro, 'roRequest', 'board_letter', { reason: 'Negotiation failed' });
    const rejected = act(requested, supervisor, 'decideRoRequest', 'rejected', {
      requestId: requested.roRequests[0]!.id,
      note: 'Try one more visit',
    });
    expect(rejected.boardPhase).toBe('escalated');
    expect(rejected.roRequests[0]).toMatchObject({ state: 'rejected', note: 'Try one more visit' });
  });

  it('refuses a hearing in the past or absurdly far, an outcome before any hearing, and the wrong roles', () => {
    const requested = act(inBoard(), ro, 'roRequest', 'board_letter', { reason: 'x' });
    const issued = act(requested, officer, 'decideRoRequest', 'approved', { requestId: requested.roRequests[0]!.id });
    expect(refused(issued, board, 'scheduleHearing', 'scheduled', { hearingDate: '2026-11-01' }).code).toBe(
      'hearing-in-past',
    );
    expect(refused(issued, board, 'scheduleHearing', 'scheduled', { hearingDate: '2029-01-01' }).code).toBe(
      'hearing-too-far',
    );
    expect(refused(issued, board, 'boardOutcome', 'settled', { notes: 'x' }).code).toBe('no-hearing');
    expect(refused(issued, ro, 'scheduleHearing', 'scheduled', { hearingDate: '2026-12-10' }).code).toBe(
      'role-not-allowed',
    );
    expect(refused(assigned(), ro, 'roRequest', 'board_letter', { reason: 'x' }).code).toBe('not-before-board');
  });
});

describe('RO requests', () => {
  it('extends the validity period by the approved days and closes the expiry warning', () => {
    const c = act(assigned(), ro, 'recordContact', 'call_back', { channel: 'phone' });
    const until = c.assignment.validUntil!;
    const warned = runMonitors(debtxTelco, c, '2027-01-16T10:00:00.000Z');
    expect(warned.ok && warned.case.tasks.some((t) => t.type === 'validity_expiring' && t.status === 'open')).toBe(
      true,
    );
    if (!warned.ok) return;
    const requested = act(
      warned.case,
      ro,
      'roRequest',
      'validity_extension',
      { reason: 'Customer abroad', days: 14 },
      '2027-01-16T10:00:00.000Z',
    );
    expect(requested.roRequests[0]).toMatchObject({
      kind: 'validity_extension',
      days: 14,
      state: 'pending',
      requestedBy: 'u-ro',
    });
    const approved = act(
      requested,
      supervisor,
      'decideRoRequest',
      'approved',
      { requestId: requested.roRequests[0]!.id, note: 'ok' },
      '2027-01-16T10:00:00.000Z',
    );
    expect(approved.assignment.validUntil).toBe(new Date(Date.parse(until) + 14 * 86_400_000).toISOString());
    expect(approved.roRequests[0]).toMatchObject({ state: 'approved', decidedBy: 'u-sup' });
    expect(approved.tasks.filter((t) => t.type === 'validity_expiring').every((t) => t.status === 'done')).toBe(true);
  });

  it('refuses bad requests and decisions', () => {
    const c = assigned();
    expect(refused(c, ro, 'roRequest', 'validity_extension', { reason: 'x', days: 400 }).code).toBe(
      'extension-too-long',
    );
    expect(refused(c, ro, 'roRequest', 'validity_extension', { reason: 'x', days: -3 }).fields?.days).toBeDefined();
    expect(refused(c, ro, 'roRequest', 'validity_extension', { reason: 'x', days: 'ten' }).fields?.days).toBeDefined();
    expect(refused(c, ro, 'roRequest', 'validity_extension', { reason: 'x' }).fields?.days).toBeDefined();
    expect(refused(c, ro, 'roRequest', 'other', { reason: '  ' }).fields?.reason).toBe('is required');
    expect(refused(c, officer, 'roRequest', 'other', { reason: 'x' }).code).toBe('role-not-allowed');
    const open = act(c, ro, 'roRequest', 'other', { reason: 'Need a new handset list' });
    expect(refused(open, ro, 'roRequest', 'other', { reason: 'again' }).code).toBe('request-pending');
    const id = open.roRequests[0]!.id;
    expect(refused(open, ro, 'decideRoRequest', 'approved', { requestId: id }).code).toBe('role-not-allowed');
    expect(refused(open, officer, 'decideRoRequest', 'approved', { requestId: 'nope' }).code).toBe('unknown-request');
    expect(refused(open, officer, 'decideRoRequest', 'rejected', { requestId: id }).fields?.note).toBeDefined();
    const selfMade = { ...open, roRequests: open.roRequests.map((r) => ({ ...r, requestedBy: officer.uid })) };
    expect(refused(selfMade, officer, 'decideRoRequest', 'approved', { requestId: id }).code).toBe(
      'maker-cannot-approve',
    );
    const done = act(open, officer, 'decideRoRequest', 'approved', { requestId: id });
    expect(refused(done, officer, 'decideRoRequest', 'approved', { requestId: id }).code).toBe('request-decided');
  });

  it('mirrors changed requests and approvals only, with the RO and DRC to list them by', () => {
    const c = act(assigned(), ro, 'recordContact', 'call_back', { channel: 'phone' });
    const open = act(c, ro, 'roRequest', 'field_support', { reason: 'Aggressive customer' });
    expect(roRequestDocs(c, open)).toEqual([
      expect.objectContaining({ caseId: 'C1', roId: 'u-ro', drcId: 'drc1', kind: 'field_support', state: 'pending' }),
    ]);
    const unrelated = act(open, ro, 'recordContact', 'no_answer', { channel: 'phone' });
    expect(unrelated.status).toBe(open.status);
    expect(roRequestDocs(open, unrelated)).toEqual([]);
    const proposed = act(unrelated, ro, 'recordContact', 'settlement_proposed', {
      channel: 'visit',
      agreedCents: Math.floor(c.arrearsCents / 2),
      instalments: 2,
      firstDueDate: '2026-12-01',
    });
    expect(approvalDocs(unrelated, proposed)).toEqual([
      expect.objectContaining({ caseId: 'C1', state: 'pending', roId: 'u-ro', drcId: 'drc1' }),
    ]);
    // A pending entry follows its case: when the case closes, its mirror says so.
    const closed = manualTransition(debtxTelco, proposed, 'WRITTEN_OFF', 'Customer emigrated', supervisor, NOW);
    if (!closed.ok) throw new Error(closed.message);
    expect(roRequestDocs(proposed, closed.case)).toEqual([
      expect.objectContaining({ kind: 'field_support', state: 'pending', caseStatus: 'WRITTEN_OFF', caseClosed: true }),
    ]);
    expect(approvalDocs(proposed, closed.case)).toEqual([expect.objectContaining({ caseClosed: true })]);
  });
});

describe('customer contact details', () => {
  it('updates phone, email and address and keeps every old value as history', () => {
    const c = assigned();
    const oldPhone = c.customer.phone;
    const updated = act(c, ro, 'updateContacts', 'updated', {
      phone: '+94 77 123 4567',
      altPhone: '0812 345678',
      email: 'new@example.lk',
      address: '12 Temple Road',
      reason: 'Customer gave new details at the visit',
    });
    expect(updated.customer).toMatchObject({
      phone: '+94 77 123 4567',
      altPhone: '0812 345678',
      email: 'new@example.lk',
      address: '12 Temple Road',
    });
    expect(updated.contactHistory.map((h) => h.field)).toEqual(['phone', 'altPhone', 'email', 'address']);
    expect(updated.contactHistory[0]).toMatchObject({ from: oldPhone, to: '+94 77 123 4567', by: 'u-ro', at: NOW });
    // Findable by the new number and still by the old one.
    expect(updated.searchTerms).toEqual(expect.arrayContaining(['771234567', oldPhone.replace(/\D/g, '')]));
    const again = act(updated, officer, 'updateContacts', 'updated', { phone: '0771112223', reason: 'Changed again' });
    expect(again.contactHistory).toHaveLength(5);
    expect(again.contactHistory[4]).toMatchObject({ from: '+94 77 123 4567', to: '0771112223', by: 'u-officer' });
  });

  it.each([
    [{ phone: '12', reason: 'x' }, 'phone'],
    [{ phone: 'call me', reason: 'x' }, 'phone'],
    [{ email: 'not-an-email', reason: 'x' }, 'email'],
    [{ address: '', reason: 'x' }, 'address'],
    [{ phone: '0771234567' }, 'reason'],
    [{ phone: 771234567, reason: 'x' }, 'phone'],
  ])('refuses %j on %s and changes nothing', (inputs, field) => {
    const r = refused(assigned(), ro, 'updateContacts', 'updated', inputs);
    expect(r.code).toBe('invalid-input');
    expect(r.fields?.[field]).toBeDefined();
  });

  it('refuses an update that changes nothing (never a silent no-op), and roles outside the case', () => {
    const c = assigned();
    expect(refused(c, ro, 'updateContacts', 'updated', { phone: c.customer.phone, reason: 'same' }).code).toBe(
      'no-change',
    );
    expect(refused(c, rcmp, 'updateContacts', 'updated', { phone: '0771234567', reason: 'x' }).code).toBe(
      'role-not-allowed',
    );
  });
});

describe('closed cases take none of it', () => {
  it.each([
    ['recordContact', 'no_answer', ro, { channel: 'phone' }],
    ['updateContacts', 'updated', ro, { phone: '0771234567', reason: 'x' }],
    ['roRequest', 'other', ro, { reason: 'x' }],
    ['reversePayment', 'reversed', officer, { reference: 'x', reason: 'x' }],
    ['decideRoRequest', 'approved', officer, { requestId: 'x' }],
  ] as const)('%s/%s', (action, result, actor, inputs) => {
    const closed = manualTransition(debtxTelco, assigned(), 'WRITTEN_OFF', 'Customer emigrated', supervisor, NOW);
    if (!closed.ok) throw new Error(closed.message);
    expect(refused(closed.case, actor, action, result, inputs).code).toBe('case-closed');
  });
});
