import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/users';
import { inviteUser as invite } from '../../services/users/inviteUser';
import { listUsers as list } from '../../services/users/listUsers';
import { updateUser as update } from '../../services/users/updateUser';

export const inviteUser = implement(contracts.inviteUser, (actor, input) => invite(actor, input));
export const updateUser = implement(contracts.updateUser, (actor, input) => update(actor, input));
export const listUsers = implement(contracts.listUsers, (actor) => list(actor));
