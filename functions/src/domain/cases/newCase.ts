import { EMPTY_HEAD } from '../audit/chain';
import { initialStatus, startCase, type EngineRefusal } from '../lifecycle/engine';
import type { CaseTypeConfig } from '../lifecycle/types';
import { needsArrears, needsCpe, searchTermsFor, type CaseState, type RequiredAction } from '../model/case';
import type { Actor } from '../model/roles';
import type { Instant } from '../model/time';
import type { SourceAccount } from '../../sources/types';

const ACTION_CODE: Record<RequiredAction, string> = { arrears: 'A', cpe: 'C', arrears_cpe: 'AC' };

/** Case ids read well on a phone and in a call: account, action, and a short unique tail. */
export function caseIdFor(accountNumber: string, action: RequiredAction, uniqueTail: string): string {
  return `${accountNumber}-${ACTION_CODE[action]}-${uniqueTail
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-6)
    .toUpperCase()}`;
}

/** The key that makes "one open case per account and action" a document that can exist only once. */
export function openCaseKey(accountNumber: string, action: RequiredAction): string {
  return `${accountNumber}_${action}`;
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
): CaseState | EngineRefusal {
  const problems: Record<string, string> = {};
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
    return {
      ok: false,
      code: 'source-inconsistent',
      message: `Account ${account.accountNumber} cannot be registered: ${Object.entries(problems)
        .map(([k, v]) => `${k === 'accountNumber' ? 'the account' : 'the required action'} ${v}`)
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
    openedAt: now,
    closedAt: null,
    closureReason: null,
    updatedAt: now,
    createdBy: actor.uid,
    rev: 1,
    audit: EMPTY_HEAD,
    characteristics: {},
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
  };
  const started = startCase(config, draft, now);
  return started.ok ? started.case : started;
}
