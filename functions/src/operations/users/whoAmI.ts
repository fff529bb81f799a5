import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/users';
import type { Role } from '../../domain/model/roles';

export const whoAmI = implement(contracts.whoAmI, async (actor) => ({
  uid: actor.uid,
  email: actor.email ?? null,
  // The registry lets no system actor in: a caller always has one of the roles.
  role: actor.role as Role,
  drcId: actor.drcId ?? null,
  displayName: actor.displayName ?? actor.uid,
}));
