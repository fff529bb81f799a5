import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/assignment';
import { readAssignmentPolicy, saveAssignmentPolicy as savePolicy } from '../../services/assignmentPolicy';
import { setRoAssignmentMode as setMode } from '../../services/roAssignmentMode';
import { setRoProfile as setProfile } from '../../services/roProfile';

export const getAssignmentPolicy = implement(contracts.getAssignmentPolicy, (actor) => readAssignmentPolicy(actor));

export const saveAssignmentPolicy = implement(contracts.saveAssignmentPolicy, (actor, input) =>
  savePolicy(actor, input),
);

export const setRoAssignmentMode = implement(contracts.setRoAssignmentMode, (actor, input) => setMode(actor, input));

export const setRoProfile = implement(contracts.setRoProfile, (actor, input) => setProfile(actor, input));
