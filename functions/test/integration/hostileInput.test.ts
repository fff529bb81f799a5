import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { HttpsError } from 'firebase-functions/v2/https';
import { COL, firestore } from '../../src/data/db';
import { processRequest } from '../../src/services/processRequest';
import { demoSource } from '../../src/sources/demoSource';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const listCasesHandler = handlerOf('listCases');
const customerOverviewHandler = handlerOf('customerOverview');
const getCaseHandler = handlerOf('getCase');
const getRequestHandler = handlerOf('getRequest');
const submitRequestHandler = handlerOf('submitRequest');
const whoAmIHandler = handlerOf('whoAmI');
const assignment = {
  getAssignmentPolicyHandler: handlerOf('getAssignmentPolicy'),
  saveAssignmentPolicyHandler: handlerOf('saveAssignmentPolicy'),
  setRoAssignmentModeHandler: handlerOf('setRoAssignmentMode'),
  setRoProfileHandler: handlerOf('setRoProfile'),
  recallCasesHandler: handlerOf('recallCases'),
  reassignCasesHandler: handlerOf('reassignCases'),
  placeWithAgencyHandler: handlerOf('placeWithAgency'),
  refreshDrcPerformanceHandler: handlerOf('refreshDrcPerformance'),
};
const listCaseTypesHandler = handlerOf('listCaseTypes');
const saveCaseTypeHandler = handlerOf('saveCaseType');

/**
 * Property-based fuzzing (docs/security.md, "Tests"): random and mutated inputs through every callable and the request
 * trigger. Whatever comes in, a refusal is a clear HttpsError (or a REJECTED request with a reason) and
 * writes nothing.
 */
const WATCHED = [COL.cases, COL.audit, COL.caseTypes, COL.openCases, COL.users, COL.drcs, COL.settings, COL.bulkOps];

async function fingerprint(): Promise<string> {
  const sizes = await Promise.all(WATCHED.map(async (c) => `${c}:${(await firestore().collection(c).get()).size}`));
  const requests = await firestore().collection(COL.requests).get();
  return [...sizes, `requests:${requests.size}`].join(' ');
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '=HYPERLINK("http://x")',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '0041234567',
    'NEGOTIATION',
    '__proto__',
    'a'.repeat(5000),
  ),
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    // Firestore itself refuses empty and __reserved__ field names, so hostile documents cannot carry them.
    fc.dictionary(
      hostileString.filter((k) => k.length > 0 && !/^__.*__$/.test(k)),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;
const users = fc.constantFrom('officer', 'ro1', 'drc2', 'auditor', 'rcmp', 'board', 'admin');

beforeAll(seedOrganisation);

type Handler = (req: ReturnType<typeof asUser>) => Promise<unknown> | unknown;
const CALLABLES: [string, Handler, boolean][] = [
  ['whoAmI', whoAmIHandler, false],
  ['listCases', listCasesHandler, false],
  ['getCase', getCaseHandler, false],
  ['customerOverview', customerOverviewHandler, false],
  ['getRequest', getRequestHandler, false],
  ['listCaseTypes', listCaseTypesHandler, false],
  ['saveCaseType', saveCaseTypeHandler, true],
  ['submitRequest', submitRequestHandler, true],
  ['getAssignmentPolicy', assignment.getAssignmentPolicyHandler, false],
  ['saveAssignmentPolicy', assignment.saveAssignmentPolicyHandler, true],
  ['setRoAssignmentMode', assignment.setRoAssignmentModeHandler, true],
  ['setRoProfile', assignment.setRoProfileHandler, true],
  ['recallCases', assignment.recallCasesHandler, true],
  ['reassignCases', assignment.reassignCasesHandler, true],
  ['placeWithAgency', assignment.placeWithAgencyHandler, true],
];

describe('hostile input to callables', () => {
  it.each(CALLABLES)('%s refuses garbage with an HttpsError and writes nothing', async (_name, handler, writes) => {
    await fc.assert(
      fc.asyncProperty(users, hostileValue, async (user, data) => {
        const before = writes ? await fingerprint() : '';
        try {
          await handler(asUser(user, data));
        } catch (error) {
          expect(error).toBeInstanceOf(HttpsError);
          expect((error as HttpsError).message.length).toBeGreaterThan(5);
          if (writes) expect(await fingerprint()).toBe(before);
          return;
        }
        // Accepted: only harmless reads, or a well-formed request of the caller's own.
      }),
      { numRuns: 40 },
    );
  });

  it('anonymous callers are refused everywhere', async () => {
    for (const [, handler] of CALLABLES) {
      await expect(Promise.resolve().then(() => handler({ auth: undefined, data: {} }))).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    }
  });
});

describe('hostile request documents through the trigger', () => {
  it('a malformed or forged request is rejected with a reason and changes nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(users, hostileValue, hostileValue, async (user, type, payload) => {
        const id = randomUUID();
        const doc = { type, payload, clientRequestId: id, createdBy: `demo-${user}`, state: 'PENDING', caseId: 'nope' };
        await firestore().collection(COL.requests).doc(id).set(doc);
        const before = await fingerprint();
        const outcome = await processRequest(
          id,
          doc,
          { source: demoSource, now: () => new Date().toISOString() },
          `fuzz-${id}`,
        );
        expect(outcome).toBe('rejected');
        const after = await firestore().collection(COL.requests).doc(id).get();
        expect(after.get('state')).toBe('REJECTED');
        expect(String(after.get('error.message')).length).toBeGreaterThan(5);
        expect(await fingerprint()).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  it('a replayed request is applied once', async () => {
    const clientRequestId = randomUUID();
    const body = {
      type: 'registerCase',
      payload: { accountNumber: '0077700001', requiredAction: 'arrears' },
      clientRequestId,
    };
    await submitRequestHandler(asUser('officer', body));
    const snap = await firestore().collection(COL.requests).doc(clientRequestId).get();
    const deps = { source: demoSource, now: () => new Date().toISOString() };
    expect(await processRequest(clientRequestId, snap.data(), deps, 'e1')).toBe('applied');
    const before = await fingerprint();
    expect(await processRequest(clientRequestId, snap.data(), deps, 'e1')).toBe('skipped');
    expect(await processRequest(clientRequestId, snap.data(), deps, 'e2')).toBe('skipped');
    expect(await fingerprint()).toBe(before);
  });
});
