import { demoSourceAccount } from '../demo/sourceAccounts';
import type { AccountSource, SourceLookup } from './types';

/** The development source: generated accounts (demo/sourceAccounts.ts). Never used in production. */
export const demoSource: AccountSource = {
  name: 'demo',
  async lookup(accountNumber: string): Promise<SourceLookup> {
    const account = demoSourceAccount(accountNumber);
    return account
      ? { found: true, account }
      : { found: false, reason: `Account ${accountNumber} is not known to the billing system (BSS).` };
  },
};
