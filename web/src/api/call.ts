import { httpsCallable } from 'firebase/functions';
import {
  callableName,
  contractNamed,
  type InputOf,
  type OperationName,
  type OutputOf,
} from '../../../functions/src/domain/contracts';
import { functions } from '../firebase';

/** Every operation of the registry, typed from its contract's zod schemas. */
export type RegistryApi = { [N in OperationName]: { input: InputOf<N>; output: OutputOf<N> } };

/** What the web may call: every operation of the registry. */
export type Api = RegistryApi;
export type ApiName = keyof Api & string;
export type ApiInput<N extends ApiName> = Api[N]['input'];
export type ApiOutput<N extends ApiName> = Api[N]['output'];

/** The deployed name, and the function's own timeout when it may run longer than the SDK's default 70 s. */
function target(name: OperationName): { deployed: string; options?: { timeout: number } } {
  const contract = contractNamed(name);
  const seconds = contract?.runtime?.timeoutSeconds;
  return {
    deployed: contract ? callableName(contract) : name,
    options: seconds ? { timeout: seconds * 1000 } : undefined,
  };
}

/**
 * The one way the web calls the server: `call('listCases', { limit: 25 })`. The deployed name (`mobile-<name>`
 * for the field API) and the timeout come from the operation's contract; refusals reject with the SDK's
 * FirebaseError (code `functions/<code>`, `details` as the server sent them).
 */
export async function call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const { deployed, options } = target(name);
  const callable = httpsCallable<ApiInput<N>, ApiOutput<N>>(functions, deployed, options);
  return (await callable(input)).data;
}
