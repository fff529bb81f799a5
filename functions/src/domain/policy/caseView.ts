import type { CaseState } from '../model/case';
import type { ActorRole } from '../model/roles';
import { NIC_FULL_ROLES } from './table';

/** A NIC with all but its last 3 characters hidden (enough to tell two customers apart, not to use it). */
export function maskNicTail(nic: string): string {
  return nic.length <= 3 ? '•••' : `${'•'.repeat(nic.length - 3)}${nic.slice(-3)}`;
}

/** The case as this role may read it: the NIC (and the customer key built from it) masked unless the role needs it. */
export function caseViewFor<T extends Pick<CaseState, 'customer' | 'customerKey'>>(role: ActorRole, c: T): T {
  if ((NIC_FULL_ROLES as readonly string[]).includes(role)) return c;
  const key =
    typeof c.customerKey === 'string' && c.customerKey.startsWith('nic_')
      ? `nic_${maskNicTail(c.customerKey.slice(4))}`
      : c.customerKey;
  // Older or partial documents may lack the customer block: nothing to mask there.
  const nic = c.customer?.nic;
  const customer = typeof nic === 'string' ? { ...c.customer, nic: maskNicTail(nic) } : c.customer;
  return { ...c, customerKey: key, customer };
}
