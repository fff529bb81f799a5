import { implement } from '../../api/registry';
import { nowIso } from '../../config';
import * as contracts from '../../domain/contracts/assignment';
import { refreshDrcPerformance as refresh } from '../../services/drcPerformance';

export const refreshDrcPerformance = implement(contracts.refreshDrcPerformance, async (actor) => ({
  rates: await refresh(actor, nowIso()),
}));
