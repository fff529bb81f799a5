import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/imports';
import { sourceProblems } from '../../services/sourceProblems';

export const listSourceProblems = implement(contracts.listSourceProblems, () => sourceProblems());
