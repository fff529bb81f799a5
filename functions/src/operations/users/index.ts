import { inviteUser, listUsers, updateUser } from './users';
import { whoAmI } from './whoAmI';

/** Who the caller is, and user administration, by name. */
export const USERS_OPERATIONS = { whoAmI, inviteUser, updateUser, listUsers };
