import fc from 'fast-check';
import { HttpsError } from 'firebase-functions/v2/https';
import { MOBILE_OPERATIONS as OPERATIONS } from '../../src/operations';
import { callOperation } from '../../src/api/callables';
import { COL, firestore } from '../../src/data/db';
import { apiCase, putCases } from '../support/apiCases';
import { asUser, seedOrganisation } from '../support/fixtures';

/**
 * Property-based fuzzing of every mobile API operation: whatever comes in, from whoever, the answer
 * is a result or a clear HttpsError, and a refused call writes nothing.
 */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('F1', 'NOPE', '__proto__', '../x', 'a'.repeat(3000), '2026-02-30', '-1', 'NaN'),
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
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const users = fc.constantFrom('ro1', 'ro3', 'drc1', 'drc2', 'officer', 'auditor');
const fieldNames = fc.constantFrom(
  'caseId',
  'expectedRev',
  'clientRequestId',
  'limit',
  'cursor',
  'drcId',
  'roId',
  'phase',
  'amountCents',
  'paidOn',
  'result',
  'channel',
  'submission',
  'itemId',
  'phone',
  'requestId',
);
const input = fc.oneof(hostileValue, fc.dictionary(fieldNames, hostileValue, { maxKeys: 6 }));

beforeAll(async () => {
  await seedOrganisation();
  await putCases([apiCase('F1', 'NEGOTIATION')]);
});

it('answers every hostile input with a result or an HttpsError, writing nothing when it refuses', async () => {
  const requests = async () => (await firestore().collection(COL.requests).get()).size;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...OPERATIONS), users, input, async (op, user, data) => {
      const before = await requests();
      try {
        await callOperation(op, asUser(user, data));
      } catch (error) {
        expect(error).toBeInstanceOf(HttpsError);
        expect((error as HttpsError).code).not.toBe('internal');
        expect(await requests()).toBe(before);
      }
    }),
    { numRuns: 300 },
  );
});
