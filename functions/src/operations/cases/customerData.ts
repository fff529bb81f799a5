import type { z } from 'zod';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/cases';
import { exportCustomerData as exportData } from '../../services/customerDataExport';

type Output = z.input<typeof contracts.exportCustomerData.output>;

export const exportCustomerData = implement(
  contracts.exportCustomerData,
  async (actor, input) =>
    // The documents go out whole: their interfaces are records of plain values.
    (await exportData(actor, input)) as unknown as Output,
);
