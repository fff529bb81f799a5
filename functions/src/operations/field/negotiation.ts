import { listScope, loadCaseFor } from '../../services/caseAccess';
import { negotiationPhaseFlag } from '../../domain/lifecycle/phaseFlags';
import { pageOfCases, sumPhaseFlags } from '../../services/caseLists';
import {
  ACTIVE_NEGOTIATION_STATUSES,
  NEGOTIATION_PHASES,
  NEGOTIATION_STATUSES,
  type NegotiationPhase,
} from '../../domain/cases/phases';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';
import { submitCaseWrite } from '../../services/caseWrites';
import { assertContactDate, contactResultFor } from '../../services/fieldWrites';
import type { RECORDED_CONTACT_RESULTS } from '../../domain/contracts/field';
import { negotiationHistoryPage } from '../../services/negotiationHistory';
import { assertContactAllowed } from '../../services/compliance/contactGate';
import { nowIso } from '../../config';

export const listActiveCustomerNegotiations = implement(
  contracts.listActiveCustomerNegotiations,
  async (actor, input) => pageOfCases(listScope(actor, input), { statuses: ACTIVE_NEGOTIATION_STATUSES }, input),
);

export const listDrcNegotiationCases = implement(contracts.listDrcNegotiationCases, async (actor, input) =>
  pageOfCases(
    listScope(actor, input),
    { statuses: input.phase ? [NEGOTIATION_PHASES[input.phase]] : NEGOTIATION_STATUSES },
    input,
  ),
);

export const countNegotiationPhaseCases = implement(contracts.countNegotiationPhaseCases, async (actor, input) => {
  const scope = listScope(actor, input);
  // One aggregation query: the count of every negotiation case and the sums of two phases' flags; the first
  // phase is the rest (docs/decisions/0035-phase-counts.md).
  const [first, ...summed] = Object.keys(NEGOTIATION_PHASES) as NegotiationPhase[];
  const { total, byPhase } = await sumPhaseFlags(
    scope,
    { statuses: NEGOTIATION_STATUSES },
    Object.fromEntries(summed.map((phase) => [phase, negotiationPhaseFlag(phase)])),
  );
  const others = Object.values(byPhase).reduce((s, n) => s + n, 0);
  return { total, byPhase: { [first!]: Math.max(0, total - others), ...byPhase } };
});

export const customerNegotiations = implement(contracts.customerNegotiations, async (actor, input) =>
  negotiationHistoryPage(await loadCaseFor(actor, input.caseId), input),
);

export const recordContact = implement(contracts.recordContact, async (actor, input) => {
  const { caseId: id, expectedRev: rev, clientRequestId: clientId, result, ...rest } = input;
  const inputs = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined));
  const out = await submitCaseWrite(actor, {
    caseId: id,
    expectedRev: rev,
    clientRequestId: clientId,
    type: 'caseAction',
    payload: { action: 'recordContact', result, inputs },
    prepare: async (c) => {
      assertContactDate(c, input.contactedOn);
      // The contact gate answers at once (the trigger checks again when it records the contact).
      await assertContactAllowed(c, { action: 'recordContact', result, channel: input.channel }, nowIso());
      const recordedAs = await contactResultFor(actor, c, result, input.agreedCents);
      return { action: 'recordContact', result: recordedAs, inputs };
    },
  });
  return { ...out, recordedAs: String(out.payload.result ?? result) as (typeof RECORDED_CONTACT_RESULTS)[number] };
});

export const recordPayment = implement(
  contracts.recordPayment,
  async (actor, { caseId: id, expectedRev: rev, clientRequestId: clientId, ...inputs }) =>
    submitCaseWrite(actor, {
      caseId: id,
      expectedRev: rev,
      clientRequestId: clientId,
      type: 'caseAction',
      payload: { action: 'recordPayment', result: 'received', inputs },
    }),
);
