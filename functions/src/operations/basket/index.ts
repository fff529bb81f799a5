import { dashboardFigures } from './dashboard';
import { exportCases, jobBasketCounts } from './jobBasket';
import { listCases } from './listCases';

/** The job basket and the dashboard, by name. */
export const BASKET_OPERATIONS = { listCases, jobBasketCounts, exportCases, dashboardFigures };
