import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import {
  contractNamed,
  type ContractNamed,
  type InputOf,
  type OperationName,
} from '../../../functions/src/domain/contracts';
import type { ShownError } from '../data/describeError';
import { schemaMessage, translateErrors } from './schemaMessage';

type Schema<N extends OperationName> = ContractNamed<N>['input'];
/** What the form holds (before the schema's defaults and trimming) and what it submits (after). */
type FormIn<N extends OperationName> = InputOf<N> & FieldValues;
type FormOut<N extends OperationName> = z.output<Schema<N>> & FieldValues;

/**
 * Validates a form with the operation's own input schema (functions/src/domain/contracts): the form refuses what
 * the server would refuse, with the server's words, before anything is sent.
 */
export function operationResolver<N extends OperationName>(name: N) {
  const contract = contractNamed(name);
  if (!contract) throw new Error(`No contract named ${name}`);
  return zodResolver(contract.input as Schema<N>);
}

type AnyResolver = (values: unknown, context: unknown, options: unknown) => unknown;

/**
 * react-hook-form over an operation's input: `handleSubmit` hands on the parsed input, ready for `call(name, …)`.
 * A form whose inputs hold something other than the input itself (an empty choice, text for a number) passes
 * `toInput`, a pure mapping applied before the contract validates; its field names should be the contract's, so
 * that the contract's errors land on the inputs.
 */
export function useOperationForm<N extends OperationName, V extends FieldValues = FormIn<N>>(
  name: N,
  props: Omit<UseFormProps<V, unknown, FormOut<N>>, 'resolver'> = {},
  toInput?: (values: V) => InputOf<N>,
) {
  const parse = operationResolver(name) as unknown as AnyResolver;
  // The contract's English messages, worded in the reader's language for the form (schemaMessage.ts).
  const base: AnyResolver = async (values, context, options) => {
    const result = (await parse(values, context, options)) as { values: unknown; errors: unknown };
    return { ...result, errors: translateErrors(result.errors) };
  };
  const resolver: AnyResolver = toInput
    ? (values, context, options) => base(toInput(values as V), context, options)
    : base;
  return useForm<V, unknown, FormOut<N>>({
    ...props,
    // The resolver's types follow the schema; the form's are the same schema's input (or `V`) and output.
    resolver: resolver as unknown as UseFormProps<V, unknown, FormOut<N>>['resolver'],
  });
}

/** Puts a refusal's field messages (the server's `details.fields`) on the form's fields, where the user looks. */
export function showServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: ShownError): void {
  for (const [field, message] of Object.entries(error.fields))
    setError(field as Path<T>, { type: 'server', message: schemaMessage(message) });
}

/**
 * A form's errors as `path → message` (`overrides.status_changed.0.channels`), the way the server keys its field
 * errors, for forms whose inputs are lists and records rather than one input per field.
 */
export function flatErrors(errors: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!errors || typeof errors !== 'object') return out;
  const node = errors as Record<string, unknown>;
  if (prefix && typeof node.type === 'string' && typeof node.message === 'string') out[prefix] = node.message;
  for (const [key, value] of Object.entries(node)) {
    // `ref` is the input element; `types` repeats the messages by kind.
    if (key === 'ref' || key === 'type' || key === 'message' || key === 'types') continue;
    Object.assign(out, flatErrors(value, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}
