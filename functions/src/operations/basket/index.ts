import * as dashboard from './dashboard';
import * as jobBasket from './jobBasket';
import * as listCases from './listCases';

/** The job basket and the dashboard, by name (each module exports only operations). */
export const BASKET_OPERATIONS = { ...dashboard, ...jobBasket, ...listCases };
