import * as users from './users';
import * as whoAmI from './whoAmI';

/** Who the caller is, and user administration, by name (each module exports only operations). */
export const USERS_OPERATIONS = { ...users, ...whoAmI };
