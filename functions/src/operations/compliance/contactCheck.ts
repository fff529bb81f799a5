import { nowIso } from '../../config';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/compliance';
import { checkContactFor } from '../../services/compliance/contactGate';

export const checkContact = implement(contracts.checkContact, async (actor, input) =>
  checkContactFor(actor, input.caseId, input.channel, nowIso()),
);
