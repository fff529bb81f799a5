import { messages as app } from '../app/messages';
import { messages as auth } from '../auth/messages';
import { messages as shared } from './shared.messages';
import { messages as forms } from '../forms/messages';
import { messages as cases } from '../cases/messages';
import { messages as register } from '../register/messages';
import { messages as casePage } from '../case/messages';
import { messages as caseChoices } from '../case/optionMessages';
import { messages as presence } from '../presence/messages';
import { messages as caseTypes } from '../caseTypes/messages';
import { messages as users } from '../users/messages';
import { messages as audit } from '../audit/messages';
import { messages as imports } from '../imports/messages';
import { messages as dashboard } from '../dashboard/messages';
import { messages as assignment } from '../assignment/messages';
import { messages as offline } from '../offline/messages';
import { messages as notifyAdmin } from '../notifyAdmin/messages';
import { messages as inbox } from '../inbox/messages';
import { messages as rcmp } from '../rcmp/messages';
import { messages as assignmentRules } from '../assignmentRules/messages';
import { messages as compliance } from '../compliance/messages';
import { messages as refusals } from '../data/refusalMessages';

/** English texts: every feature folder's (`<folder>/messages.ts`), merged. `{name}` is filled in by t(). */
export const en = {
  ...app.en,
  ...auth.en,
  ...shared.en,
  ...forms.en,
  ...cases.en,
  ...register.en,
  ...casePage.en,
  ...caseChoices.en,
  ...presence.en,
  ...caseTypes.en,
  ...users.en,
  ...audit.en,
  ...imports.en,
  ...dashboard.en,
  ...assignment.en,
  ...offline.en,
  ...notifyAdmin.en,
  ...inbox.en,
  ...rcmp.en,
  ...assignmentRules.en,
  ...compliance.en,
  ...refusals.en,
};

export type MessageKey = keyof typeof en;
