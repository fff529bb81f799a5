import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/basket';
import { basketCounts } from '../../services/basketCounts';
import { exportBasket } from '../../services/exportCases';

export const jobBasketCounts = implement(contracts.jobBasketCounts, (actor, filter) => basketCounts(actor, filter));

export const exportCases = implement(contracts.exportCases, (actor, input) => exportBasket(actor, input));
