import {
  closeTasks,
  fromMatrix,
  manual,
  OFFICERS,
  recordPaymentAction,
  setCharacteristic,
} from '../../src/domain/lifecycle/configs/build';

describe('life-cycle config builders', () => {
  it('reads a printed matrix row by row, a system transition (guarded where asked) before its follow-up', () => {
    const guard = { guard: 'noRo' };
    expect(
      fromMatrix({ A: { B: 'S,F', C: 'F' }, B: { C: 'S' } }, (_from, to) => (to === 'C' ? guard : undefined)),
    ).toEqual([
      { from: 'A', to: 'B', mode: 'system' },
      { from: 'A', to: 'B', mode: 'followUp' },
      { from: 'A', to: 'C', mode: 'followUp' },
      { from: 'B', to: 'C', mode: 'system', guard },
    ]);
  });

  it('writes no key for what is not given, so Firestore stores no undefined', () => {
    expect(setCharacteristic('flag', null)).toStrictEqual({
      algorithm: 'setCharacteristic',
      params: { field: 'flag', value: null },
    });
    expect(closeTasks()).toStrictEqual({ algorithm: 'closeTasks' });
    expect(recordPaymentAction()).not.toHaveProperty('allowedOnHold');
  });

  it('lets the recovery section move a case by hand unless other roles are named', () => {
    expect(manual('A', 'B').roles).toEqual(OFFICERS);
    expect(manual('A', 'B', ['supervisor']).roles).toEqual(['supervisor']);
  });
});
