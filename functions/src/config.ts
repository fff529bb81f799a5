import { defineString } from 'firebase-functions/params';
import { demoSource } from './sources/demoSource';
import type { AccountSource } from './sources/types';

/** Every function runs next to the users and the data (BRIEF §5; issue 2). */
export const REGION = 'asia-south1';

/** Which source-system connector registration uses. Only `demo` exists until the connectors of issue 4. */
export const ACCOUNT_SOURCE = defineString('ACCOUNT_SOURCE', {
  default: 'demo',
  description: 'Source of account, product and CPE data for registration: demo',
});

export function accountSource(): AccountSource {
  // Outside a deployed runtime (tests, the offline relay) params are unset: fall back to the declared default.
  const kind = ACCOUNT_SOURCE.value() || 'demo';
  if (kind === 'demo') return demoSource;
  throw new Error(`ACCOUNT_SOURCE=${kind} is not a known source kind`);
}

export const nowIso = (): string => new Date().toISOString();
