import { setGlobalOptions } from 'firebase-functions/v2';
import { REGION } from './config';

/**
 * Options every function shares, set once before any function is defined: they run next to the users
 * (Sri Lanka) and the data. A function that needs more (a long export, a large import) says so itself.
 */
setGlobalOptions({ region: REGION });
