import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/cases';
import { requestViewFor } from '../../services/requestView';
import { submitRequest as submit } from '../../services/submitRequest';

export const submitRequest = implement(contracts.submitRequest, (actor, input) => submit(actor, input));

export const getRequest = implement(contracts.getRequest, (actor, { requestId }) => requestViewFor(actor, requestId));
