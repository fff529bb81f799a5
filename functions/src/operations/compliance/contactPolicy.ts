import { nowIso } from '../../config';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/compliance';
import {
  decideContactPolicy as decide,
  proposeContactPolicy as propose,
  readContactPolicy,
} from '../../services/compliance/contactPolicy';

export const getContactPolicy = implement(contracts.getContactPolicy, async () => readContactPolicy());

export const proposeContactPolicy = implement(contracts.proposeContactPolicy, async (actor, input) =>
  propose(actor, input, nowIso()),
);

export const decideContactPolicy = implement(contracts.decideContactPolicy, async (actor, input) =>
  decide(actor, input, nowIso()),
);
