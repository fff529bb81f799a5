import { httpsCallable, type Functions } from 'firebase/functions';
import type {
  CaseDetail,
  ListCasesInput,
  ListCaseTypesOutput,
  ListCasesOutput,
  Me,
  RequestView,
  SaveCaseTypeInput,
  SaveCaseTypeOutput,
  SubmitRequestInput,
} from '../../../functions/src/api/contract';

/** Typed wrappers of the callable functions (functions/src/callables). */
export interface Callables {
  whoAmI(): Promise<Me>;
  listCases(input: ListCasesInput): Promise<ListCasesOutput>;
  getCase(caseId: string): Promise<CaseDetail>;
  submitRequest(input: SubmitRequestInput): Promise<{ requestId: string }>;
  getRequest(requestId: string): Promise<RequestView>;
  listCaseTypes(): Promise<ListCaseTypesOutput>;
  saveCaseType(config: Record<string, unknown>): Promise<SaveCaseTypeOutput>;
}

function callable<Req, Res>(functions: Functions, name: string): (data: Req) => Promise<Res> {
  const call = httpsCallable<Req, Res>(functions, name);
  return async (data) => (await call(data)).data;
}

export function makeCallables(functions: Functions): Callables {
  const whoAmI = callable<Record<string, never>, Me>(functions, 'whoAmI');
  const getCase = callable<{ caseId: string }, CaseDetail>(functions, 'getCase');
  const getRequest = callable<{ requestId: string }, RequestView>(functions, 'getRequest');
  const listCaseTypes = callable<Record<string, never>, ListCaseTypesOutput>(functions, 'listCaseTypes');
  const saveCaseType = callable<SaveCaseTypeInput, SaveCaseTypeOutput>(functions, 'saveCaseType');
  return {
    whoAmI: () => whoAmI({}),
    listCases: callable<ListCasesInput, ListCasesOutput>(functions, 'listCases'),
    getCase: (caseId) => getCase({ caseId }),
    submitRequest: callable<SubmitRequestInput, { requestId: string }>(functions, 'submitRequest'),
    getRequest: (requestId) => getRequest({ requestId }),
    listCaseTypes: () => listCaseTypes({}),
    saveCaseType: (config) => saveCaseType({ config }),
  };
}
