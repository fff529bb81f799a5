import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/basket';
import { listBasket } from '../../services/basketList';

export const listCases = implement(contracts.listCases, (actor, input) => listBasket(actor, input));
