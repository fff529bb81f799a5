import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/basket';
import { dashboardFiguresFor } from '../../services/dashboardFigures';

export const dashboardFigures = implement(contracts.dashboardFigures, (actor) => dashboardFiguresFor(actor));
