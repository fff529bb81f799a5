import { EMPTY_HEAD } from '../audit/chain';
import { fieldSchema, initialStatus, startCase, type CrossCaseEffect, type EngineRefusal } from '../lifecycle/engine';
import { z } from 'zod';
import type { CaseTypeConfig } from '../lifecycle/types';
import {
  monitorShardOf,
  needsArrears,
  needsCpe,
  searchTermsFor,
  type CaseState,
  type RequiredAction,
} from '../model/case';
import type { Actor } from '../model/roles';
import type { Instant } from '../model/time';
import { fieldMessages } from '../validation/issues';
import type { SourceAccount } from '../model/sourceAccount';

const ACTION_CODE: Record<RequiredAction, string> = { arrears: 'A', cpe: 'C', arrears_cpe: 'AC' };

/** Case ids read well on a phone and in a call: account, action, and a short unique tail. */
export function caseIdFor(accountNumber: string, action: RequiredAction, uniqueTail: string): string {
  return `${accountNumber}-${ACTION_CODE[action]}-${uniqueTail
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-6)
    .toUpperCase()}`;
}

/**
 * The key that makes "one open case of a kind" a document that can exist only once: per account and action
 * for DebtX recovery; per account (or per customer, for customer-level types) for the other case types.
 */
export function openCaseKey(
  config: Pick<CaseTypeConfig, 'id' | 'level'>,
  accountNumber: string,
  customerKey: string,
  action: RequiredAction,
): string {
  if (config.id === 'debtx_telco') return `${accountNumber}_${action}`;
  return `${config.id}~${config.level === 'customer' ? customerKey : accountNumber}`.replace(/[/:]/g, '_');
}

export function customerKeyOf(account: SourceAccount): string {
  return account.customer.nic ? `nic_${account.customer.nic}` : `acct_${account.accountNumber}`;
}

export interface NewCase {
  case: CaseState;
  crossCase: CrossCaseEffect[];
  spawn: { caseType: string }[];
}

/**
 * Builds a new case from what the source systems hold: every product of the account is linked to it,
 * and the account must have what the required action collects.
 */
export function buildNewCase(
  config: CaseTypeConfig,
  account: SourceAccount,
  requiredAction: RequiredAction,
  caseId: string,
  actor: Actor,
  now: Instant,
  fields: Record<string, unknown> = {},
): NewCase | EngineRefusal {
  const problems: Record<string, string> = {};
  const creation = z.strictObject(
    Object.fromEntries((config.creationFields ?? []).map((f) => [f.name, fieldSchema(f)])),
  );
  const captured = creation.safeParse(fields);
  if (!captured.success) Object.assign(problems, fieldMessages(captured.error.issues, { root: 'fields' }));
  if (account.accountStatus === 'closed') {
    problems.accountNumber = 'is closed in BSS; closed accounts are handled by write-off, not recovery';
  }
  if (account.products.length === 0) problems.accountNumber = 'has no products in BSS';
  const arrearsCents = account.products.reduce((sum, p) => sum + p.arrearsCents, 0);
  if (needsArrears(requiredAction) && arrearsCents <= 0) {
    problems.requiredAction = 'asks to collect arrears, but the account has no arrears';
  }
  if (needsCpe(requiredAction) && account.cpe.length === 0) {
    problems.requiredAction = 'asks to collect CPE, but OSS lists no equipment on the account';
  }
  if (Object.keys(problems).length > 0) {
    const subject = (k: string) =>
      k === 'accountNumber' ? 'the account' : k === 'requiredAction' ? 'the required action' : k;
    const sourceProblem = 'accountNumber' in problems || 'requiredAction' in problems;
    return {
      ok: false,
      code: sourceProblem ? 'source-inconsistent' : 'invalid-input',
      message: `Account ${account.accountNumber} cannot be registered: ${Object.entries(problems)
        .map(([k, v]) => `${subject(k)} ${v}`)
        .join('; ')}.`,
      fields: problems,
    };
  }
  const initial = initialStatus(config);
  const draft: CaseState = {
    id: caseId,
    caseType: config.id,
    configVersion: config.version,
    accountNumber: account.accountNumber,
    requiredAction,
    status: initial.code,
    statusSince: now,
    customer: account.customer,
    products: account.products,
    cpe: needsCpe(requiredAction)
      ? account.cpe.map((e) => ({ ...e, status: 'pending' as const, collectedAt: null, condition: null }))
      : [],
    arrearsCents: needsArrears(requiredAction) ? arrearsCents : 0,
    paidCents: 0,
    payments: [],
    settlement: null,
    lastContact: null,
    nextFollowUpOn: null,
    drcId: null,
    roId: null,
    assignment: { drcAssignedAt: null, drcReason: null, roAssignedAt: null, roAssignedBy: null, validUntil: null },
    nextMonitorAt: null,
    monitorShard: monitorShardOf(caseId),
    customerKey: customerKeyOf(account),
    openKey: openCaseKey(config, account.accountNumber, customerKeyOf(account), requiredAction),
    openedAt: now,
    closedAt: null,
    closureReason: null,
    updatedAt: now,
    createdBy: actor.uid,
    rev: 1,
    audit: EMPTY_HEAD,
    characteristics: captured.success ? (captured.data as CaseState['characteristics']) : {},
    tasks: [],
    workLists: [],
    promises: [],
    hold: null,
    indicators: [],
    accountStatus: account.accountStatus,
    failedContacts: 0,
    reallocate: false,
    firedHooks: [],
    searchTerms: searchTermsFor(account.accountNumber, account.customer),
    boardPhase: null,
    board: null,
    approvals: [],
    roRequests: [],
    contactHistory: [],
  };
  const started = startCase(config, draft, now);
  return started.ok ? { case: started.case, crossCase: started.crossCase, spawn: started.spawn } : started;
}
