import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDropSource } from '../../src/sources/fileDropSource';
import type { SourceLookup } from '../../src/sources/types';

const A = '0012345678';
const B = '0087654321';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'debtx-drop-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (name: string, text: string) => writeFileSync(join(dir, name), text);
const jsonl = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const bss = (acct: string, extra: Record<string, unknown> = {}) => ({
  accountNumber: acct,
  accountStatus: 'suspended',
  products: [
    { productId: `${acct}-P1`, kind: 'Fibre broadband', status: 'suspended', arrears: '12,345.67' },
    { productId: `${acct}-P2`, kind: 'PEO TV', status: 'disconnected', arrearsCents: 990 },
  ],
  ...extra,
});
const oss = (acct: string) => ({
  accountNumber: acct,
  cpe: [{ itemId: `${acct}-E1`, productId: `${acct}-P1`, kind: 'ONT router', serialNumber: `SN-${acct}` }],
});
const crm = (acct: string, extra: Record<string, unknown> = {}) => ({
  accountNumber: acct,
  name: 'Kumari Silva',
  phone: '0712345678',
  email: null,
  address: '4 Lake Road, Galle',
  city: 'Galle',
  region: 'Southern',
  nic: '901234567V',
  language: 'si',
  ...extra,
});

function writeJsonl(): void {
  put('bss.jsonl', jsonl(bss(A), bss(B)));
  put('oss.jsonl', jsonl(oss(A)));
  put('crm.jsonl', jsonl(crm(A), crm(B)));
}

function reasonOf(r: SourceLookup): string {
  if (!('failed' in r)) throw new Error(`expected a failed lookup, got ${JSON.stringify(r)}`);
  return r.reason;
}

/** Malformed or contradictory records are an answer, not an outage: refused at once, never retried. */
function inconsistencyOf(r: SourceLookup): string {
  if (!('inconsistent' in r)) throw new Error(`expected an inconsistent lookup, got ${JSON.stringify(r)}`);
  return r.reason;
}

/** Moves a file's modification time, as a new export would. */
function touch(name: string, deltaMs = 5_000): void {
  const st = statSync(join(dir, name));
  const t = new Date(st.mtimeMs + deltaMs);
  utimesSync(join(dir, name), t, t);
}

describe('file-drop source: JSON lines', () => {
  it('finds an account, merging its products, CPE and customer', async () => {
    writeJsonl();
    const r = await new FileDropSource(dir).lookup(A);
    expect(r).toEqual({
      found: true,
      account: {
        accountNumber: A,
        accountStatus: 'suspended',
        customer: {
          name: 'Kumari Silva',
          phone: '+94712345678',
          email: null,
          address: '4 Lake Road, Galle',
          city: 'Galle',
          region: 'Southern',
          nic: '901234567V',
          language: 'si',
        },
        products: [
          { productId: `${A}-P1`, kind: 'Fibre broadband', status: 'suspended', arrearsCents: 1_234_567 },
          { productId: `${A}-P2`, kind: 'PEO TV', status: 'disconnected', arrearsCents: 990 },
        ],
        cpe: [{ itemId: `${A}-E1`, kind: 'ONT router', serialNumber: `SN-${A}` }],
      },
    });
  });

  it('an account absent from BSS is not found; absent from OSS has no CPE', async () => {
    writeJsonl();
    const source = new FileDropSource(dir);
    expect(await source.lookup('0000000001')).toEqual({
      found: false,
      reason: 'Account 0000000001 is not in the billing (BSS) export bss.jsonl.',
    });
    const b = await source.lookup(B);
    expect('found' in b && b.found && b.account.cpe).toEqual([]);
  });

  it('a malformed record fails the lookup, naming the field, the file and the line', async () => {
    writeJsonl();
    put(
      'bss.jsonl',
      jsonl(bss(B), bss(A, { products: [{ productId: 'P1', kind: 'Fibre', status: 'x', arrears: '1.234' }] })),
    );
    expect(inconsistencyOf(await new FileDropSource(dir).lookup(A))).toBe(
      `The source systems disagree or are incomplete for account ${A}: BSS product P1: arrears is not an amount ("1.234") (bss.jsonl line 2).`,
    );
  });

  it('inconsistent systems fail the lookup with every problem', async () => {
    writeJsonl();
    put(
      'oss.jsonl',
      jsonl({ ...oss(A), cpe: [{ itemId: 'E9', productId: 'P9', kind: 'Router', serialNumber: 'S9' }] }),
    );
    put('crm.jsonl', jsonl(crm(A, { phone: null })));
    expect(inconsistencyOf(await new FileDropSource(dir).lookup(A))).toBe(
      `The source systems disagree or are incomplete for account ${A}: OSS CPE item E9 (Router, serial S9) is on product P9, which BSS does not list for account ${A}; CRM has no phone number for the customer.`,
    );
    expect(inconsistencyOf(await new FileDropSource(dir).lookup(B))).toContain(
      `CRM has no customer record for account ${B}`,
    );
  });

  it('an account on two lines of one export fails', async () => {
    writeJsonl();
    put('crm.jsonl', jsonl(crm(A), crm(B), crm(A, { name: 'Someone Else' })));
    expect(inconsistencyOf(await new FileDropSource(dir).lookup(A))).toContain(
      'CRM export holds the account on more than one line (crm.jsonl lines 1, 3)',
    );
  });

  it('an unreadable line makes an absent account fail (it may be on that line), not "not found"', async () => {
    writeJsonl();
    put('oss.jsonl', `${JSON.stringify(oss(A))}\n{"accountNumber": "${B}", "cpe": [\n\n{"cpe":[]}\n`);
    const source = new FileDropSource(dir);
    expect(reasonOf(await source.lookup(B))).toBe(
      `Account ${B} is not in oss.jsonl, but some of its records cannot be read, so it may be in one of them: oss.jsonl line 2 is not JSON; oss.jsonl line 4 has no accountNumber.`,
    );
    // An account whose own record is intact is still found.
    expect(await source.lookup(A)).toMatchObject({ found: true });
  });

  it('a missing export, or two of one system, fails every lookup', async () => {
    writeJsonl();
    rmSync(join(dir, 'oss.jsonl'));
    const source = new FileDropSource(dir);
    expect(reasonOf(await source.lookup(A))).toBe(`The OSS export is missing: ${dir} has no oss.jsonl or oss.csv.`);
    put('oss.jsonl', jsonl(oss(A)));
    put('oss.csv', 'accountNumber,itemId,productId,kind,serialNumber\n');
    expect(reasonOf(await source.lookup(A))).toBe(
      'The drop folder has both oss.jsonl and oss.csv; keep one OSS export.',
    );
    rmSync(join(dir, 'oss.csv'));
    expect(await source.lookup(A)).toMatchObject({ found: true });
  });

  it('indexes once and answers from the index until a file changes, then re-indexes', async () => {
    writeJsonl();
    const exported = new Date('2025-01-01T00:00:00Z');
    utimesSync(join(dir, 'crm.jsonl'), exported, exported);
    const source = new FileDropSource(dir);
    expect(await source.lookup(A)).toMatchObject({ found: true });
    // Same size, same modification time: the index is not rebuilt (a lookup is a map read).
    put('crm.jsonl', jsonl(crm(A, { name: 'Kumari Silvb' }), crm(B)));
    utimesSync(join(dir, 'crm.jsonl'), exported, exported);
    const cached = await source.lookup(A);
    expect('found' in cached && cached.found && cached.account.customer.name).toBe('Kumari Silva');
    // A new export (new modification time): re-indexed.
    touch('crm.jsonl');
    const fresh = await source.lookup(A);
    expect('found' in fresh && fresh.found && fresh.account.customer.name).toBe('Kumari Silvb');
    // A new account arrives in billing.
    put('bss.jsonl', jsonl(bss(A), bss(B), bss('0011111111')));
    put('crm.jsonl', jsonl(crm(A), crm(B), crm('0011111111')));
    touch('bss.jsonl');
    touch('crm.jsonl', 10_000);
    expect(await source.lookup('0011111111')).toMatchObject({ found: true });
    const status = await source.status();
    expect(status.systems.bss).toEqual({ file: 'bss.jsonl', accounts: 3, records: 3, problems: [] });
  });

  it('concurrent lookups share one index and agree', async () => {
    writeJsonl();
    const source = new FileDropSource(dir);
    const index = jest.spyOn(FileDropSource.prototype as unknown as { index: () => Promise<unknown> }, 'index');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => source.lookup(i % 2 ? A : B)));
    expect(results.every((r) => 'found' in r && r.found)).toBe(true);
    // One index per system, however many lookups asked at once.
    expect(index).toHaveBeenCalledTimes(3);
    await source.lookup(A);
    expect(index).toHaveBeenCalledTimes(3);
    index.mockRestore();
  });
});

describe('file-drop source: CSV', () => {
  const bssCsv =
    '\uFEFFAccount Number,account_status,productId,kind,status,arrears\r\n' +
    `${A},SUSPENDED,${A}-P1,"Fibre, broadband",suspended,"12,345.67"\r\n` +
    `${A},suspended,${A}-P2,PEO TV,disconnected,0.50\r\n` +
    `${B},active,,,,\r\n`;
  const ossCsv = `accountNumber,itemId,productId,kind,serialNumber\n${A},${A}-E1,${A}-P1,ONT router,SN1\n${A},${A}-E2,${A}-P2,"Set-top ""box""",SN2\n`;
  const crmCsv =
    'accountNumber,name,phone,email,address,city,region,nic,language\n' +
    `${A},Nimal Perera,077 123 4567,,"12/3 Temple Road,\nKandy",Kandy,Central,,Tamil\n` +
    `${B},Sunil Fernando,0711111111,sunil@example.lk,1 Main St,Colombo,Western,199012345678,\n`;

  it('groups product and CPE rows by account; reads quoted commas, quotes, newlines, a BOM and CRLF', async () => {
    put('bss.csv', bssCsv);
    put('oss.csv', ossCsv);
    put('crm.csv', crmCsv);
    const source = new FileDropSource(dir);
    expect(await source.lookup(A)).toEqual({
      found: true,
      account: {
        accountNumber: A,
        accountStatus: 'suspended',
        customer: {
          name: 'Nimal Perera',
          phone: '+94771234567',
          email: null,
          address: '12/3 Temple Road,\nKandy',
          city: 'Kandy',
          region: 'Central',
          nic: null,
          language: 'ta',
        },
        products: [
          { productId: `${A}-P1`, kind: 'Fibre, broadband', status: 'suspended', arrearsCents: 1_234_567 },
          { productId: `${A}-P2`, kind: 'PEO TV', status: 'disconnected', arrearsCents: 50 },
        ],
        cpe: [
          { itemId: `${A}-E1`, kind: 'ONT router', serialNumber: 'SN1' },
          { itemId: `${A}-E2`, kind: 'Set-top "box"', serialNumber: 'SN2' },
        ],
      },
    });
    // A row without product fields: an account with no products (the case builder refuses it, not the source).
    expect(await source.lookup(B)).toMatchObject({ found: true, account: { products: [], cpe: [] } });
  });

  it('a row with missing or extra fields fails its account, naming the row', async () => {
    put('bss.csv', bssCsv + `0011111111,active,X1,Fibre,active\n0011111111,active,X2,Fibre,active,1.00,extra\n`);
    put('oss.csv', ossCsv);
    put('crm.csv', crmCsv + `0011111111,A,0711111111,,x,y,z,,en\n`);
    expect(inconsistencyOf(await new FileDropSource(dir).lookup('0011111111'))).toBe(
      'The source systems disagree or are incomplete for account 0011111111: bss.csv row 5 has 5 fields where the header has 6: arrears missing; bss.csv row 6 has 7 fields where the header has 6: 1 extra.',
    );
  });

  it('a malformed value fails with the field and the rows', async () => {
    put('bss.csv', bssCsv.replace('0.50', '0.5.0'));
    put('oss.csv', ossCsv);
    put('crm.csv', crmCsv);
    expect(inconsistencyOf(await new FileDropSource(dir).lookup(A))).toBe(
      `The source systems disagree or are incomplete for account ${A}: BSS product ${A}-P2: arrears is not an amount ("0.5.0") (bss.csv rows 2, 3).`,
    );
  });

  it('rows of one account that disagree on its status fail it', async () => {
    put('bss.csv', bssCsv.replace(`${A},suspended,`, `${A},active,`));
    put('oss.csv', ossCsv);
    put('crm.csv', crmCsv);
    expect(inconsistencyOf(await new FileDropSource(dir).lookup(A))).toContain(
      `bss.csv rows 2 and 3 give account ${A} different statuses (SUSPENDED, active)`,
    );
  });

  it('a quote that never closes, or a missing column, fails every lookup', async () => {
    put('bss.csv', bssCsv);
    put('oss.csv', ossCsv + `${B},E9,P9,"Router,SN9\n`);
    put('crm.csv', crmCsv);
    const source = new FileDropSource(dir);
    expect(reasonOf(await source.lookup(A))).toBe('oss.csv row 4 opens a quoted field that is never closed.');
    put('oss.csv', 'accountNumber,itemId,productId,kind\n');
    touch('oss.csv');
    expect(reasonOf(await source.lookup(A))).toBe('oss.csv has no serialNumber column.');
    put('crm.csv', 'accountNumber,name\n');
    expect(reasonOf(await source.lookup(B))).toBe(
      'oss.csv has no serialNumber column; crm.csv has no phone, address, city, region columns.',
    );
  });
});
