import { masked, maskEmail, maskNic, maskPhone } from '../../src/logs';

describe('personal data is masked in logs', () => {
  it('masks phones, NICs and emails, keeping just enough to tell them apart', () => {
    expect(maskPhone('+94771234567')).toBe('+9477•••••67');
    expect(maskNic('197101259365')).toBe('19••••••••65');
    expect(maskEmail('nimal.perera@example.lk')).toBe('n•••@example.lk');
  });

  it('masks nested customer fields wherever they are', () => {
    const out = masked({
      caseId: 'C1',
      customer: { name: 'Nimal', phone: '+94771234567', nic: '197101259365', address: '12 Temple Road' },
    });
    expect(out).toEqual({
      caseId: 'C1',
      customer: { name: 'Nimal', phone: '+9477•••••67', nic: '19••••••••65', address: '[address]' },
    });
    expect(JSON.stringify(out)).not.toMatch(/771234567|197101259365|Temple/);
  });
});
