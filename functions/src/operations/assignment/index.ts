import { placeWithAgency, reassignCases, recallCases } from './bulk';
import { refreshDrcPerformance } from './performance';
import { getAssignmentPolicy, saveAssignmentPolicy, setRoAssignmentMode, setRoProfile } from './policy';

/** Assignment administration and operations, by name. */
export const ASSIGNMENT_OPERATIONS = {
  getAssignmentPolicy,
  saveAssignmentPolicy,
  setRoAssignmentMode,
  setRoProfile,
  recallCases,
  reassignCases,
  placeWithAgency,
  refreshDrcPerformance,
};
