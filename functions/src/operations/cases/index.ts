import { customerOverview, getCase } from './cases';
import { exportCustomerData } from './customerData';
import { getRequest, submitRequest } from './requests';

/** One case as the web client works it, its requests, and the data-subject export, by name. */
export const CASES_OPERATIONS = { getCase, customerOverview, submitRequest, getRequest, exportCustomerData };
