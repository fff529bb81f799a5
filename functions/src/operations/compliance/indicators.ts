import { nowIso } from '../../config';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/compliance';
import { clearCaseIndicator as clear, setCaseIndicator as set } from '../../services/compliance/caseIndicators';

export const setCaseIndicator = implement(contracts.setCaseIndicator, async (actor, input) =>
  set(actor, input, nowIso()),
);

export const clearCaseIndicator = implement(contracts.clearCaseIndicator, async (actor, input) =>
  clear(actor, input, nowIso()),
);
