import type { Customer, Product } from './case';

/** An account as the source systems (billing, network, CRM) describe it: what registration builds a case from. */
export interface SourceAccount {
  accountNumber: string;
  accountStatus: 'active' | 'suspended' | 'disconnected' | 'closed';
  customer: Customer;
  products: Product[];
  cpe: { itemId: string; kind: string; serialNumber: string }[];
}
