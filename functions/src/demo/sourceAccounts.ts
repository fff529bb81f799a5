import type { Product } from '../domain/model/case';
import type { SourceAccount } from '../sources/types';
import { CPE_KINDS, GIVEN_NAMES, PRODUCT_KINDS, STREETS, SURNAMES, TOWNS } from './names';
import { intBetween, pick, seedOf, seededRandom } from './random';

/**
 * The demo source systems' view of an account, generated from the account number alone, so the
 * local stack and the tests agree on every account without shipping a data file.
 * Convention: account numbers starting with `00` exist; any other 10-digit number is unknown to BSS.
 */
export function demoSourceAccount(accountNumber: string): SourceAccount | null {
  if (!/^00\d{8}$/.test(accountNumber)) return null;
  const rand = seededRandom(seedOf(accountNumber));
  const given = pick(rand, GIVEN_NAMES);
  const surname = pick(rand, SURNAMES);
  const { town, region } = pick(rand, TOWNS);
  const productCount = intBetween(rand, 1, 3);
  const kinds = new Set<string>();
  while (kinds.size < productCount) kinds.add(pick(rand, PRODUCT_KINDS));
  const products: Product[] = [...kinds].map((kind, i) => ({
    productId: `${accountNumber}-P${i + 1}`,
    kind,
    status: rand() < 0.7 ? 'suspended' : 'disconnected',
    arrearsCents: intBetween(rand, 15, 900) * 10_000 + intBetween(rand, 0, 99) * 100,
  }));
  const cpe = products.map((p, i) => ({
    itemId: `${accountNumber}-E${i + 1}`,
    kind: CPE_KINDS[p.kind] ?? 'Router',
    serialNumber: `SN${seedOf(`${accountNumber}${i}`).toString(16).toUpperCase().padStart(8, '0')}`,
  }));
  const mobile = `07${pick(rand, ['0', '1', '2', '4', '5', '6', '7', '8'])}${String(intBetween(rand, 0, 9_999_999)).padStart(7, '0')}`;
  const language = region === 'Northern' || region === 'Eastern' ? 'ta' : rand() < 0.6 ? 'si' : 'en';
  return {
    accountNumber,
    accountStatus: products.every((p) => p.status === 'disconnected') ? 'disconnected' : 'suspended',
    customer: {
      name: `${given} ${surname}`,
      phone: `+94${mobile.slice(1)}`,
      email: rand() < 0.6 ? `${given}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.lk' : null,
      address: `${intBetween(rand, 1, 420)}/${intBetween(rand, 1, 9)} ${pick(rand, STREETS)}, ${town}`,
      city: town,
      region,
      nic: `${intBetween(rand, 1950, 2002)}${String(intBetween(rand, 0, 99_999_999)).padStart(8, '0')}`,
      language,
    },
    products,
    cpe,
  };
}
