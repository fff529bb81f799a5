import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/configuration';
import { listCaseTypeViews } from '../../services/caseTypeCatalog';
import { saveCaseType as save } from '../../services/saveCaseType';

export const listCaseTypes = implement(contracts.listCaseTypes, async () => ({ caseTypes: await listCaseTypeViews() }));

export const saveCaseType = implement(contracts.saveCaseType, (actor, input) => save(actor, input.config));
