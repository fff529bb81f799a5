import type { InputOf } from '../../../functions/src/domain/contracts';
import type { RouteRuleView } from '../../../functions/src/domain/contracts/types';

export type Rules = Record<string, RouteRuleView[]>;

export const same = (a: RouteRuleView[] | undefined, b: RouteRuleView[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** The kinds whose rules differ from the built-in ones: only those are saved as configuration. */
export function overridesOf(rules: Rules, defaults: Rules): Rules {
  return Object.fromEntries(Object.entries(rules).filter(([kind, list]) => !same(list, defaults[kind])));
}

/** What the routing form holds: the rules in force as edited, with the defaults they are compared to. */
export interface RoutingFormValues {
  expectedVersion: number;
  rules: Rules;
  defaults: Rules;
}

/** The saveNotificationRouting input the form stands for: only the kinds whose rules differ from the defaults. */
export function routingInput(values: RoutingFormValues): InputOf<'saveNotificationRouting'> {
  return { expectedVersion: values.expectedVersion, overrides: overridesOf(values.rules, values.defaults) };
}

/** Where a rule's channels error is: the server keys it by kind, the contract by its place in the input. */
export function ruleError(errors: Record<string, string>, kind: string, index: number): string | undefined {
  return errors[`${kind}.${index}.channels`] ?? errors[`overrides.${kind}.${index}.channels`];
}
