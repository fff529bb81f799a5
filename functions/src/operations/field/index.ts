import * as cases from './cases';
import * as contacts from './contacts';
import * as cpe from './cpe';
import * as mediationBoard from './mediationBoard';
import * as negotiation from './negotiation';
import * as presence from './presence';
import * as roRequests from './roRequests';

/** The field API's handlers, by name (each module exports only operations). */
export const FIELD_OPERATIONS = {
  ...cases,
  ...contacts,
  ...cpe,
  ...mediationBoard,
  ...negotiation,
  ...presence,
  ...roRequests,
};
