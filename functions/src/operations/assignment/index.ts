import * as bulk from './bulk';
import * as performance from './performance';
import * as policy from './policy';

/** Assignment administration and operations, by name (each module exports only operations). */
export const ASSIGNMENT_OPERATIONS = { ...bulk, ...performance, ...policy };
