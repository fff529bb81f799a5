import { requestFingerprint } from '../../src/domain/requests/fingerprint';

describe('the request fingerprint', () => {
  it('is the canonical body: key order does not matter, type, case and payload do', () => {
    const a = requestFingerprint({ type: 'caseAction', caseId: 'C1', payload: { a: 1, b: { c: 2, d: 3 } } });
    expect(requestFingerprint({ type: 'caseAction', caseId: 'C1', payload: { b: { d: 3, c: 2 }, a: 1 } })).toBe(a);
    expect(requestFingerprint({ type: 'caseAction', caseId: 'C2', payload: { a: 1, b: { c: 2, d: 3 } } })).not.toBe(a);
    expect(requestFingerprint({ type: 'completeTask', caseId: 'C1', payload: { a: 1, b: { c: 2, d: 3 } } })).not.toBe(
      a,
    );
    expect(requestFingerprint({ type: 'caseAction', caseId: 'C1', payload: { a: 2, b: { c: 2, d: 3 } } })).not.toBe(a);
    // A registration's case id is filled in when it is applied: its fingerprint does not depend on it.
    const reg = { type: 'registerCase', payload: { accountNumber: '0012345678', requiredAction: 'arrears' } };
    expect(requestFingerprint({ ...reg, caseId: null })).toBe(requestFingerprint({ ...reg, caseId: 'NEW-CASE' }));
  });
});
