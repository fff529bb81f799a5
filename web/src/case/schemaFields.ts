import type { JsonSchema } from '../../../functions/src/domain/contracts/types';

/** How a result input is entered. `ro`, `cpeItem`, `roRequest` and `payment` pick from the case; the rest follow the JSON Schema. */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'select'
  | 'date'
  | 'money'
  | 'integer'
  | 'number'
  | 'checkbox'
  | 'ro'
  | 'cpeItem'
  | 'roRequest'
  | 'payment';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** The `enum` values of a select. */
  options: string[];
  maxLength: number | undefined;
}

const LONG_TEXT_FROM = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(actionCode: string, name: string, prop: Record<string, unknown>): FieldKind {
  if (actionCode === 'assignRo' && name === 'roId') return 'ro';
  if (name === 'itemId') return 'cpeItem';
  // Decisions and reversals pick what they act on from the case rather than asking for an id.
  if (actionCode === 'decideRoRequest' && name === 'requestId') return 'roRequest';
  if (actionCode === 'reversePayment' && name === 'reference') return 'payment';
  switch (prop.type) {
    case 'boolean':
      return 'checkbox';
    case 'integer':
      return name.endsWith('Cents') ? 'money' : 'integer';
    case 'number':
      return name.endsWith('Cents') ? 'money' : 'number';
    default:
      if (Array.isArray(prop.enum)) return 'select';
      // Our dates are strings checked by a refine, which JSON Schema cannot show: names tell them.
      if (/(On|Date)$/.test(name)) return 'date';
      return typeof prop.maxLength === 'number' && prop.maxLength >= LONG_TEXT_FROM ? 'longText' : 'text';
  }
}

/** The form fields of a result, from its input schema (zod 4 `z.toJSONSchema`: an object with properties and required). */
export function fieldsOf(schema: JsonSchema, actionCode: string): FieldSpec[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === 'string')
    : [];
  // A structured input (the phone's position fix on a CPE collection) comes from the mobile app, not from a form.
  const typed = Object.entries(properties).filter(([, raw]) => !(isRecord(raw) && raw.type === 'object'));
  return typed.map(([name, raw]) => {
    const prop = isRecord(raw) ? raw : {};
    return {
      name,
      kind: kindOf(actionCode, name, prop),
      required: required.includes(name),
      options: Array.isArray(prop.enum) ? prop.enum.map(String) : [],
      maxLength: typeof prop.maxLength === 'number' ? prop.maxLength : undefined,
    };
  });
}
