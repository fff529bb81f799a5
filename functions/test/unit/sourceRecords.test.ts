import {
  mergeSourceRecords,
  normalisePhone,
  parseBss,
  parseCrm,
  parseOss,
  problemsReason,
  rupeesToCents,
  type BssRecord,
  type CrmRecord,
  type OssRecord,
} from '../../src/sources/recordSchemas';

const ACCT = '0012345678';

const bssRaw = () => ({
  accountNumber: ACCT,
  accountStatus: 'SUSPENDED',
  products: [
    { productId: 'P1', kind: 'Fibre broadband', status: 'Suspended', arrears: '12,345.67' },
    { productId: 'P2', kind: 'PEO TV', status: 'disconnected', arrearsCents: 50_000 },
  ],
});
const ossRaw = () => ({
  accountNumber: ACCT,
  cpe: [
    { itemId: 'E1', productId: 'P1', kind: 'ONT router', serialNumber: 'SN0001' },
    { itemId: 'E2', productId: 'P2', kind: 'Set-top box', serialNumber: 'SN0002' },
  ],
});
const crmRaw = () => ({
  accountNumber: ACCT,
  name: 'Nimal Perera',
  phone: '077 123 4567',
  email: 'nimal@example.lk',
  address: '12/3 Temple Road, Kandy',
  city: 'Kandy',
  region: 'Central',
  nic: '199012345678',
  language: 'Sinhala',
});

function ok<T>(r: { ok: true; record: T } | { ok: false; problems: string[] }): T {
  if (!r.ok) throw new Error(`expected a record, got ${r.problems.join('; ')}`);
  return r.record;
}
function problemsOf(r: { ok: true } | { ok: false; problems: string[] }): string[] {
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('rupee amounts convert exactly to integer cents', () => {
  it.each([
    ['12,345.67', 1_234_567],
    ['12345.67', 1_234_567],
    ['12345.6', 1_234_560],
    ['12345', 1_234_500],
    ['0.01', 1],
    ['1,000,000.10', 100_000_010],
    [' 7.05 ', 705],
    // Read as text, never through floating point (0.29 * 100 is 28.999999999999996 in floating point).
    ['0.29', 29],
    ['9,007,199,254,740.99', 900_719_925_474_099],
  ])('%s → %i cents', (text, cents) => {
    expect(rupeesToCents(text)).toBe(cents);
  });

  it.each([
    '12.345,67',
    '1,23,456.00',
    '12,34',
    '1.234',
    '1e5',
    'Rs. 100',
    '',
    '.5',
    '12.',
    '-',
    '99,999,999,999,999,999.00',
  ])('refuses %j', (text) => {
    expect(rupeesToCents(text)).toBeNull();
  });
});

describe('BSS records', () => {
  it('reads status and products, arrears as rupee text, rupee numbers or cents', () => {
    const raw = bssRaw();
    raw.products.push({ productId: 'P3', kind: 'Voice', status: 'active', arrears: 1234.5 } as never);
    raw.products.push({ productId: 'P4', kind: 'Voice', status: 'active', arrearsCents: '250' } as never);
    expect(ok(parseBss(raw))).toEqual({
      accountNumber: ACCT,
      accountStatus: 'suspended',
      products: [
        { productId: 'P1', kind: 'Fibre broadband', status: 'suspended', arrearsCents: 1_234_567 },
        { productId: 'P2', kind: 'PEO TV', status: 'disconnected', arrearsCents: 50_000 },
        { productId: 'P3', kind: 'Voice', status: 'active', arrearsCents: 123_450 },
        { productId: 'P4', kind: 'Voice', status: 'active', arrearsCents: 250 },
      ],
    });
  });

  it('names the product and the field of every problem', () => {
    const raw = {
      accountNumber: ACCT,
      accountStatus: 'frozen',
      products: [
        { productId: 'P1', kind: 'Fibre', status: 'active', arrears: '12.345,67' },
        { productId: 'P2', kind: 'Fibre', status: 'active', arrears: 'abc' },
        { productId: 'P3', kind: 'Fibre', status: 'active' },
        { productId: 'P4', kind: 'Fibre', status: 'active', arrears: '-5.00' },
        { productId: 'P5', kind: 'Fibre', status: 'active', arrears: '1.00', arrearsCents: 100 },
        { productId: 'P6', kind: 'Fibre', status: 'active', arrearsCents: 1.5 },
        { productId: 'P7', kind: 42, status: '', arrearsCents: -1 },
        'not a product',
        { kind: 'Fibre', status: 'active', arrearsCents: 0 },
        { productId: 'P10', kind: 'Fibre', status: 'active', arrears: true },
      ],
    };
    expect(problemsOf(parseBss(raw))).toEqual([
      'BSS: accountStatus "frozen" is not one of active, suspended, disconnected, closed',
      'BSS product P1: arrears is not an amount ("12.345,67")',
      'BSS product P2: arrears is not an amount ("abc")',
      'BSS product P3: arrears is missing',
      'BSS product P4: arrears is negative ("-5.00"); a credit is not arrears',
      'BSS product P5: arrears is given twice (as arrears and as arrearsCents); send one',
      'BSS product P6: arrearsCents is not a whole number of cents (1.5)',
      'BSS product P7: kind is not text (number)',
      'BSS product P7: status is missing',
      'BSS product #8 is not an object',
      'BSS product #9: productId is missing',
      'BSS product P10: arrears is not an amount (true)',
    ]);
  });

  it('names missing and wrong-typed top-level fields, and a body that is not an object', () => {
    expect(problemsOf(parseBss({ accountNumber: 41234567, products: {} }))).toEqual([
      'BSS: accountNumber is not text (number)',
      'BSS: accountStatus is missing',
      'BSS: products is not a list',
    ]);
    expect(problemsOf(parseBss({ accountNumber: ACCT, accountStatus: 'active' }))).toEqual([
      'BSS: products is missing',
    ]);
    expect(problemsOf(parseBss([1, 2]))).toEqual(['BSS: the record is not a JSON object']);
    expect(problemsOf(parseBss(null))).toEqual(['BSS: the record is not a JSON object']);
  });

  it('refuses a negative cent amount', () => {
    const raw = bssRaw();
    raw.products[1] = { ...raw.products[1]!, arrearsCents: -100 } as never;
    expect(problemsOf(parseBss(raw))).toEqual([
      'BSS product P2: arrearsCents is negative (-100); a credit is not arrears',
    ]);
  });
});

describe('OSS records', () => {
  it('reads CPE items with their product', () => {
    expect(ok(parseOss(ossRaw())).cpe).toHaveLength(2);
  });

  it('names the item and the field of every problem', () => {
    const raw = {
      accountNumber: ACCT,
      cpe: [
        { itemId: 'E1', productId: 'P1', kind: 7, serialNumber: 'SN1' },
        { itemId: 'E2', kind: 'ONT' },
        { productId: 'P1', kind: 'ONT', serialNumber: 'SN3' },
      ],
    };
    expect(problemsOf(parseOss(raw))).toEqual([
      'OSS CPE item E1: kind is not text (number)',
      'OSS CPE item E2: productId is missing',
      'OSS CPE item E2: serialNumber is missing',
      'OSS CPE item #3: itemId is missing',
    ]);
    expect(problemsOf(parseOss({ accountNumber: ACCT }))).toEqual(['OSS: cpe is missing']);
  });
});

describe('CRM records', () => {
  it('reads the customer; language by code or name; absent optional fields are null; no language means English', () => {
    expect(ok(parseCrm(crmRaw()))).toMatchObject({ language: 'si', nic: '199012345678' });
    const bare = ok(
      parseCrm({ accountNumber: ACCT, name: 'A B', address: 'x', city: 'y', region: 'z', email: '', nic: null }),
    );
    expect(bare).toMatchObject({ phone: null, email: null, nic: null, language: 'en' });
    expect(ok(parseCrm({ ...crmRaw(), nic: ' 901234567v ', language: 'TA' }))).toMatchObject({
      nic: '901234567V',
      language: 'ta',
    });
  });

  it('names every problem without repeating personal data', () => {
    const problems = problemsOf(
      parseCrm({
        accountNumber: ACCT,
        name: '',
        phone: 771234567,
        email: 'not-an-email',
        address: 'x',
        region: 'z',
        nic: '12345',
        language: 'French',
      }),
    );
    expect(problems).toEqual([
      'CRM: name is missing',
      'CRM: phone is not text (number)',
      'CRM: email is not an e-mail address',
      'CRM: city is missing',
      'CRM: nic is not a national identity card number',
      'CRM: language "French" is not one of en, si, ta',
    ]);
    expect(problems.join(' ')).not.toContain('not-an-email');
    expect(problems.join(' ')).not.toContain('12345');
  });
});

describe('merging BSS, OSS and CRM into one account', () => {
  const bss = (): BssRecord => ok(parseBss(bssRaw()));
  const oss = (): OssRecord => ok(parseOss(ossRaw()));
  const crm = (): CrmRecord => ok(parseCrm(crmRaw()));

  it('links every product and every CPE item to the account, with the customer from CRM', () => {
    expect(mergeSourceRecords(bss(), oss(), crm(), ACCT)).toEqual({
      accountNumber: ACCT,
      accountStatus: 'suspended',
      customer: {
        name: 'Nimal Perera',
        phone: '+94771234567',
        email: 'nimal@example.lk',
        address: '12/3 Temple Road, Kandy',
        city: 'Kandy',
        region: 'Central',
        nic: '199012345678',
        language: 'si',
      },
      products: [
        { productId: 'P1', kind: 'Fibre broadband', status: 'suspended', arrearsCents: 1_234_567 },
        { productId: 'P2', kind: 'PEO TV', status: 'disconnected', arrearsCents: 50_000 },
      ],
      cpe: [
        { itemId: 'E1', kind: 'ONT router', serialNumber: 'SN0001' },
        { itemId: 'E2', kind: 'Set-top box', serialNumber: 'SN0002' },
      ],
    });
  });

  it('an account OSS does not know has no CPE', () => {
    const merged = mergeSourceRecords(bss(), null, crm());
    expect('problems' in merged ? merged.problems : merged.cpe).toEqual([]);
  });

  it('reports an answer for another account, from any system', () => {
    const other = '0099999999';
    expect(
      mergeSourceRecords(
        { ...bss(), accountNumber: other },
        { ...oss(), accountNumber: other },
        { ...crm(), accountNumber: other },
        ACCT,
      ),
    ).toEqual({
      problems: [
        `BSS answered for account ${other}, not ${ACCT}`,
        `OSS answered for account ${other}, not ${ACCT}`,
        `CRM answered for account ${other}, not ${ACCT}`,
      ],
    });
  });

  it('reports CPE on a product BSS does not list, items and products listed twice, a serial on two items', () => {
    const o = oss();
    o.cpe.push({ itemId: 'E3', productId: 'P9', kind: 'Router', serialNumber: 'SN0003' });
    o.cpe.push({ itemId: 'E1', productId: 'P1', kind: 'ONT router', serialNumber: 'SN0001' });
    o.cpe.push({ itemId: 'E4', productId: 'P2', kind: 'Set-top box', serialNumber: 'SN0002' });
    const b = bss();
    b.products.push({ ...b.products[0]! });
    expect(mergeSourceRecords(b, o, crm(), ACCT)).toEqual({
      problems: [
        'BSS lists product P1 more than once',
        `OSS CPE item E3 (Router, serial SN0003) is on product P9, which BSS does not list for account ${ACCT}`,
        'OSS lists CPE item E1 more than once',
        'OSS gives CPE items E2 and E4 the same serial number SN0002',
      ],
    });
  });

  it('reports a missing customer, a missing phone and a phone that is not a number', () => {
    expect(mergeSourceRecords(bss(), oss(), null, ACCT)).toEqual({
      problems: [`CRM has no customer record for account ${ACCT}`],
    });
    expect(mergeSourceRecords(bss(), oss(), { ...crm(), phone: null })).toEqual({
      problems: ['CRM has no phone number for the customer'],
    });
    expect(mergeSourceRecords(bss(), oss(), { ...crm(), phone: '12-34' })).toEqual({
      problems: ['CRM phone is not a phone number'],
    });
  });

  it('joins problems into one reason for a failed lookup', () => {
    expect(problemsReason(ACCT, ['a', 'b'])).toBe(
      `The source systems disagree or are incomplete for account ${ACCT}: a; b.`,
    );
  });

  it.each([
    ['0771234567', '+94771234567'],
    ['94771234567', '+94771234567'],
    ['+94 77 123 4567', '+94771234567'],
    ['(077) 123-4567', '+94771234567'],
    ['+447911123456', '+447911123456'],
    ['771234567', null],
    ['phone', null],
  ])('phone %s → %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });
});
