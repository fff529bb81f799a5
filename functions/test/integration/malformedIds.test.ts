import fc from 'fast-check';
import { REST_OPERATIONS as OPERATIONS } from '../../src/operations';
import { restHandler, type RestRequest } from '../../src/api/rest';
import { recordingResponse } from '../support/restResponse';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const updateUserHandler = handlerOf('updateUser');
const setRoProfileHandler = handlerOf('setRoProfile');
const markInboxReadHandler = handlerOf('markInboxRead');

/**
 * Malformed ids are the caller's error (INVALID_ARGUMENT, saying what is wrong), never an internal one: a "/" in a
 * uid would otherwise reach Firestore as a path, and a bad "%" escape in a REST path would throw in decoding.
 */
beforeAll(seedOrganisation);

const BAD_IDS: [string, RegExp][] = [
  ['demo-ro1/../../x', /must not contain "\/"/],
  ['a/b', /must not contain "\/"/],
  ['.', /"\." and "\.\." are not ids/],
  ['..', /"\." and "\.\." are not ids/],
  ['__all__', /reserved/],
  ['', /is required/],
];

async function refusal(fn: () => Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await fn();
  } catch (e) {
    return e as { code: string; message: string; details: unknown };
  }
  throw new Error('expected a refusal');
}

describe('malformed ids get INVALID_ARGUMENT', () => {
  it.each(BAD_IDS)('a uid %j to updateUser and setRoProfile is refused with the reason', async (uid, why) => {
    for (const call of [
      () => updateUserHandler(asUser('admin', { uid, disabled: true })),
      () => setRoProfileHandler(asUser('admin', { uid, areas: ['Colombo'], capacity: 5 })),
    ]) {
      const e = await refusal(call);
      expect(e.code).toBe('invalid-argument');
      expect(e.message).toMatch(why);
      expect(e.details).toMatchObject({ fields: { uid: expect.any(String) } });
    }
  });

  it('a message id with "/" in markInboxRead, and a uid longer than 128 characters, are refused', async () => {
    const slash = await refusal(() => markInboxReadHandler(asUser('ro1', { ids: ['x/y'] })));
    expect(slash.code).toBe('invalid-argument');
    const long = await refusal(() => updateUserHandler(asUser('admin', { uid: 'u'.repeat(129), disabled: true })));
    expect(long.code).toBe('invalid-argument');
  });

  it('a bad % escape in a REST path is 400 INVALID_ARGUMENT naming the parameter', async () => {
    for (const path of ['/v1/cases/%E0%A4%A/presence', '/v1/cases/%/presence', '/api/v1/cases/abc%zz/presence']) {
      const req: RestRequest = { method: 'GET', path, query: {}, body: undefined, headers: {} };
      const { res, sent } = recordingResponse();
      await restHandler(() => Promise.reject(new Error('no token expected')))(req, res);
      expect(sent.status).toBe(400);
      expect(sent.body).toMatchObject({
        error: { status: 'INVALID_ARGUMENT', details: { fields: { caseId: 'is not valid percent-encoding' } } },
      });
    }
  });

  it('fuzz: any uid holding "/" and any REST path parameter with a broken % escape is refused as the caller’s error', async () => {
    const withSlash = fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b]) => `${a}/${b}`);
    await fc.assert(
      fc.asyncProperty(withSlash, async (uid) => {
        const e = await refusal(() => updateUserHandler(asUser('admin', { uid, disabled: true })));
        expect(e.code).toBe('invalid-argument');
      }),
      { numRuns: 40 },
    );
    const routes = OPERATIONS.filter((op) => op.rest!.path.includes('{'));
    expect(routes.length).toBeGreaterThan(3);
    const broken = fc.constantFrom('%', '%E0%A4%A', '%zz', 'a%', '%C3%28', '%E0%80');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), broken, async (op, bad) => {
        const { res, sent } = recordingResponse();
        const path = `/v1${op.rest!.path.replace(/\{\w+\}/g, bad)}`;
        const req: RestRequest = { method: op.rest!.method, path, query: {}, body: {}, headers: {} };
        await restHandler(() => Promise.reject(new Error('no token expected')))(req, res);
        expect([op.name, sent.status]).toEqual([op.name, 400]);
        expect(sent.body).toMatchObject({ error: { status: 'INVALID_ARGUMENT' } });
      }),
      { numRuns: 60 },
    );
  });
});
