import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DEMO_DRCS } from '../../src/demo/dataset';
import { SHIPPED_CASE_TYPES } from '../../src/domain/lifecycle/configs';
import {
  AssignmentPlanner,
  CsvParser,
  FORMULA_REASON,
  ImportFileError,
  MAX_ROW_CHARS,
  parseDate,
  piecesOf,
  runPipeline,
  type ImportSchema,
  type RowVerdict,
  type SheetRow,
} from '../../src/imports';
import { shouldDriveImport } from '../../src/services/bulkImport';

/** The pure import pipeline: readers, encodings, columns, formulas, dates, de-duplication. */

const schema: ImportSchema = {
  defaultCaseType: 'debtx_telco',
  caseTypes: SHIPPED_CASE_TYPES.map((c) => ({ id: c.id, name: c.name, creationFields: c.creationFields ?? [] })),
};

function parseAll(text: string, pieceSize = text.length || 1): SheetRow[] {
  const parser = new CsvParser();
  const rows: SheetRow[] = [];
  for (let i = 0; i < text.length; i += pieceSize) rows.push(...parser.push(text.slice(i, i + pieceSize)));
  rows.push(...parser.end());
  return rows;
}

async function run(content: string | Uint8Array, pieceSize?: number) {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const verdicts: RowVerdict[] = [];
  const result = await runPipeline(piecesOf(bytes, pieceSize), schema, { onVerdicts: (b) => void verdicts.push(...b) });
  return { ...result, verdicts, bad: verdicts.filter((v) => !v.ok) };
}

async function refusal(content: string | Uint8Array): Promise<string> {
  try {
    await run(content);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as Error).message;
  }
  throw new Error('the file was not refused');
}

const errorsOf = (v: RowVerdict | undefined) => (v && !v.ok ? v.errors : []);

describe('CSV reader (RFC 4180)', () => {
  const tricky =
    'Account,Action,Note\r\n"0041234567","arrears","has, a comma"\r\n0041234568,cpe,"two\r\nlines"\r\n"say ""hi""",x,\r\n\r\nlast,row,no-newline';

  it('reads quotes, embedded commas, newlines, doubled quotes and CRLF, numbering rows as a spreadsheet does', () => {
    const rows = parseAll(tricky);
    expect(rows.map((r) => r.cells)).toEqual([
      ['Account', 'Action', 'Note'],
      ['0041234567', 'arrears', 'has, a comma'],
      ['0041234568', 'cpe', 'two\r\nlines'],
      ['say "hi"', 'x', ''],
      ['last', 'row', 'no-newline'],
    ]);
    // The quoted newline stays in row 3; the blank line is row 5 and is skipped, keeping its number.
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 6]);
  });

  it('gives the same rows whatever size the pieces arrive in (a CRLF or "" split across pieces)', () => {
    const whole = parseAll(tricky);
    for (const size of [1, 2, 3, 7, 64]) expect(parseAll(tricky, size)).toEqual(whole);
  });

  it('accepts LF and lone CR line ends', () => {
    expect(parseAll('a,b\nc,d\re,f').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('flags text after a closing quote on its row, keeping the cell', () => {
    const [row] = parseAll('"abc"def,x\n');
    expect(row).toMatchObject({ cells: ['abcdef', 'x'], problem: 'has text after a closing quote in cell 1' });
  });

  it('refuses a quote that is never closed, naming the row', () => {
    const parser = new CsvParser();
    parser.push('a,b\n1,"open\n2,3\n');
    expect(() => parser.end()).toThrow(/Row 2 opens a quoted cell/);
  });

  it('refuses an over-long row instead of buffering the rest of the file', () => {
    const parser = new CsvParser();
    expect(() => parser.push(`a,"${'x'.repeat(MAX_ROW_CHARS + 10)}`)).toThrow(/Row 1 is longer than 64 KB/);
  });

  it('reads semicolon-separated files (Excel in comma-decimal locales)', async () => {
    const { stats } = await run('Account Number;Required Action\n0041234567;arrears\n');
    expect(stats).toMatchObject({ total: 1, valid: 1 });
  });
});

describe('encodings', () => {
  it('accepts UTF-8 with a byte-order mark, and multi-byte text split across pieces', async () => {
    const text = '\uFEFFAccount,Action,Case type\n0041234567,arrears,\n';
    expect((await run(text, 1)).stats).toMatchObject({ total: 1, valid: 1 });
    const sinhala = 'Account,Action,Case type\n0041234567,arrears,ශ්‍රී ලංකා\n';
    const { bad } = await run(sinhala, 1);
    expect(errorsOf(bad[0])[0]!.reason).toBe('is not a case type ("ශ්‍රී ලංකා")');
  });

  it('refuses Latin-1 with the offset and value of the first bad byte', async () => {
    const latin1 = Buffer.from('Account,Action\n0041234567,arrears\n0041234568,caf\xe9\n', 'latin1');
    const message = await refusal(latin1);
    expect(message).toContain('not valid UTF-8: byte 48 (line 3) is 0xE9');
    expect(message).toContain('Latin-1');
  });

  it('refuses UTF-16 with and without a byte-order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Account,Action\n', 'utf16le')]);
    expect(await refusal(le)).toContain('UTF-16 encoded (it starts with the byte-order mark 0xFF 0xFE at byte 0)');
    const noBom = Buffer.from('Account,Action\n', 'utf16le');
    expect(await refusal(noBom)).toContain('byte 1 (line 1) is a NUL (0x00)');
  });

  it('refuses a file that ends in the middle of a character', async () => {
    const cut = Buffer.from('Account,Action\n0041234567,ශ', 'utf8').subarray(0, -1);
    expect(await refusal(cut)).toMatch(/ends in the middle of a character/);
  });

  it('refuses 10 MB of random bytes quickly, with a clear message', async () => {
    const garbage = randomBytes(10 * 1024 * 1024);
    garbage[0] = 0x41; // not a ZIP or OLE2 signature: read as text, like any unknown upload
    const started = Date.now();
    const message = await refusal(garbage);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(message).toMatch(/^The file is not (valid )?UTF-8( text)?: byte \d+ \(line \d+\) is/);
  });

  it('refuses an old .xls and a ZIP that is not a workbook, with advice', async () => {
    expect(await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toContain(
      'Excel 97-2003 workbook (.xls)',
    );
    const zipGarbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2000)]);
    expect(await refusal(zipGarbage)).toMatch(/not a readable Excel workbook|no worksheet/);
  });

  it('refuses an empty file and a header without rows', async () => {
    expect(await refusal('')).toBe('The file is empty.');
    expect(await refusal('\n\n')).toMatch(/no header row/);
    expect(await refusal('Account,Action\n')).toMatch(/header row but no rows/);
  });
});

describe('columns', () => {
  it('matches header names without regard to case, spaces, underscores or punctuation', async () => {
    for (const header of [
      'ACCOUNT, action',
      ' Account  Number ,Required Action',
      'account_no,REQUIRED_ACTION',
      'Account No.,Action',
    ]) {
      const { stats } = await run(`${header}\n0041234567,arrears\n`);
      expect(stats.valid).toBe(1);
    }
  });

  it('refuses a file missing a required column, naming it and the names accepted', async () => {
    const message = await refusal('Account,Case type\n0041234567,\n');
    expect(message).toContain('missing column "Required action" (accepted names: action, required action)');
  });

  it('refuses unknown and repeated columns, naming each with its letter', async () => {
    const message = await refusal('Account,Action,Customer name,Account number\n0041234567,arrears,X,0041234567\n');
    expect(message).toContain('unknown column "Customer name" (column C)');
    expect(message).toContain('column "Account number" (column D) repeats "Account"');
  });

  it('flags values in a column without a header, and fills missing trailing cells as empty', async () => {
    const { bad } = await run('Account,Action,\n0041234567,arrears,stray\n0041234568\n');
    expect(errorsOf(bad[0])).toEqual([
      { row: 2, column: '(column C)', reason: 'has a value in a column without a header' },
    ]);
    expect(errorsOf(bad[1])).toEqual([{ row: 3, column: 'Action', reason: 'is required' }]);
  });
});

describe('row validation', () => {
  it('refuses cells that look like spreadsheet formulas, in any column', async () => {
    const csv = [
      'Account,Action,Case type',
      '=HYPERLINK("http://x"),arrears,',
      '0041234567,+cpe,',
      '0041234568,arrears,@SUM(A1)',
      '-0041234569,arrears,',
      '  =1+2,arrears,',
    ].join('\n');
    const { bad, stats } = await run(csv);
    expect(stats).toMatchObject({ total: 5, invalid: 5 });
    expect(bad.map((v) => errorsOf(v).map((e) => `${e.row}:${e.column}`))).toEqual([
      ['2:Account'],
      ['3:Action'],
      ['4:Case type'],
      ['5:Account'],
      ['6:Account'],
    ]);
    expect(bad.every((v) => errorsOf(v)[0]!.reason === FORMULA_REASON)).toBe(true);
  });

  it('checks account numbers and actions with specific reasons', async () => {
    const { bad, verdicts } = await run(
      'Account,Action\n41234567,arrears\n00412345AB,arrears\n0041234567,repossess\n0041234568,Collect arrears and CPE\n',
    );
    expect(errorsOf(bad[0])[0]!.reason).toMatch(/exactly 10 digits .*leading zeros are lost/);
    expect(errorsOf(bad[1])[0]!.reason).toBe('must be exactly 10 digits (e.g. 0041234567)');
    expect(errorsOf(bad[2])[0]!.reason).toBe('must be one of arrears, cpe, arrears_cpe');
    expect(verdicts[3]).toEqual({
      row: 5,
      ok: true,
      payload: { accountNumber: '0041234568', requiredAction: 'arrears_cpe' },
    });
  });

  it('accepts dates in three formats and refuses impossible or month-first dates', async () => {
    const header = 'Account,Action,Case type,Default notice sent on,Default notice expires on';
    const csv = [
      header,
      '0041234567,arrears,legal_proceeding,2026-03-05,05/04/2026',
      '0041234568,arrears,Legal proceeding,5-Mar-2026,30-Apr-2026',
      '0041234569,arrears,legal_proceeding,31/02/2026,2026-13-01',
      '0041234570,arrears,legal_proceeding,03/25/2026,March 5 2026',
      '0041234571,arrears,legal_proceeding,,2026-04-30',
      '0041234572,arrears,,2026-03-05,',
    ].join('\n');
    const { verdicts } = await run(csv);
    expect(verdicts[0]).toMatchObject({
      ok: true,
      payload: {
        caseType: 'legal_proceeding',
        fields: { defaultNoticeSentOn: '2026-03-05', defaultNoticeExpiresOn: '2026-04-05' },
      },
    });
    expect(verdicts[1]).toMatchObject({
      ok: true,
      payload: { fields: { defaultNoticeSentOn: '2026-03-05', defaultNoticeExpiresOn: '2026-04-30' } },
    });
    const dateErrors = errorsOf(verdicts[2]).concat(errorsOf(verdicts[3]));
    expect(dateErrors).toHaveLength(4);
    expect(
      dateErrors.every((e) => e.reason.startsWith('is not a date in the form YYYY-MM-DD, DD/MM/YYYY or DD-Mon-YYYY')),
    ).toBe(true);
    expect(errorsOf(verdicts[4])).toEqual([
      { row: 6, column: 'Default notice sent on', reason: 'is required for case type Legal proceeding' },
    ]);
    expect(errorsOf(verdicts[5])[0]).toMatchObject({
      column: 'Default notice sent on',
      reason: expect.stringContaining('is not a field of case type'),
    });
  });

  it('parses the three date forms on their own', () => {
    expect(
      ['2026-03-05', '05/03/2026', '5/3/2026', '05-Mar-2026', '05-mar-2026', '5 March 2026'].map(parseDate),
    ).toEqual(Array(6).fill('2026-03-05'));
    expect(['29/02/2025', '2026/03/05', '05.03.2026', '05-Mrz-2026', '00/01/2026'].map(parseDate)).toEqual(
      Array(5).fill(null),
    );
    expect(parseDate('29/02/2028')).toBe('2028-02-29');
  });

  it('makes the second of two rows with the same account and action a duplicate naming the first', async () => {
    const { verdicts, stats } = await run(
      'Account,Action\n0041234567,arrears\n0041234567,cpe\n0041234567,Arrears\n0041234567,arrears\n',
    );
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, false, false]);
    expect(verdicts[2]).toMatchObject({ outcome: 'duplicate', accountNumber: '0041234567' });
    expect(errorsOf(verdicts[2])[0]).toEqual({
      row: 4,
      column: 'Account',
      reason: 'repeats row 2 (the same account and required action); only row 2 is registered',
    });
    expect(stats).toMatchObject({ valid: 2, invalid: 2, duplicates: 2 });
  });

  it('does not let an invalid row block a later valid one', async () => {
    const { verdicts } = await run('Account,Action,Case type\n0041234567,arrears,nope\n0041234567,arrears,\n');
    expect(verdicts.map((v) => v.ok)).toEqual([false, true]);
  });
});

describe('Excel workbooks (exceljs)', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet only: text, numbers, dates, formulas and rich text', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Cases');
      sheet.addRow([
        'Account Number',
        'Required Action',
        'Case Type',
        'Default notice sent on',
        'Default notice expires on',
      ]);
      sheet.addRow(['0041234567', 'arrears']);
      sheet.addRow([41234568, 'cpe']);
      sheet.addRow(['0041234569', 'arrears', 'legal_proceeding', new Date(Date.UTC(2026, 2, 5)), '05/04/2026']);
      sheet.addRow([{ formula: 'CONCAT("00","41234570")', result: '0041234570' }, 'arrears']);
      sheet.addRow([{ richText: [{ text: '00412' }, { text: '34571' }] }, 'arrears_cpe']);
      sheet.getCell('D4').numFmt = 'yyyy-mm-dd';
      const other = wb.addWorksheet('Notes');
      other.addRow(['this sheet', 'is ignored']);
    });
    const { kind, verdicts, stats } = await run(bytes);
    expect(kind).toBe('xlsx');
    expect(stats).toMatchObject({ total: 5, valid: 3, invalid: 2 });
    expect(verdicts[0]).toEqual({
      row: 2,
      ok: true,
      payload: { accountNumber: '0041234567', requiredAction: 'arrears' },
    });
    expect(errorsOf(verdicts[1])[0]!.reason).toMatch(/leading zeros are lost/);
    expect(verdicts[2]).toMatchObject({
      ok: true,
      payload: { fields: { defaultNoticeSentOn: '2026-03-05', defaultNoticeExpiresOn: '2026-04-05' } },
    });
    expect(errorsOf(verdicts[3])).toEqual([{ row: 5, column: 'Account Number', reason: FORMULA_REASON }]);
    expect(verdicts[4]).toMatchObject({ ok: true, payload: { accountNumber: '0041234571' } });
  });

  it('refuses a workbook whose first sheet has the wrong columns', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('S').addRow(['Customer', 'Amount']));
    expect(await refusal(bytes)).toContain('missing column "Account number"');
  });
});

describe('assignment preview', () => {
  it('decides each row with chooseDrc, spreading cases round-robin and respecting capacity', () => {
    const drcs = DEMO_DRCS.map((d) => ({ ...d, capacity: 10, openCases: 0, lastAssignedAt: null }));
    const planner = new AssignmentPlanner(drcs, '2026-11-23T06:00:00.000Z');
    for (let i = 0; i < 40; i++) planner.plan({ requiredAction: 'arrears', region: 'Western', arrearsCents: 100 });
    expect(planner.placed).toEqual({ drc1: 10, drc2: 10, drc3: 10 });
    expect(planner.unplaced).toBe(10);
  });
});

describe('driving an import from a trigger on its job document', () => {
  const running = { state: 'RUNNING' as const, lease: null, nextChunk: 3, attempts: 0 };

  it('runs the next chunk when staging finished or a chunk was recorded', () => {
    expect(shouldDriveImport({ state: 'PARSING', lease: { owner: 'x', until: 'z' } }, running)).toBe(true);
    expect(shouldDriveImport(undefined, running)).toBe(true);
    expect(shouldDriveImport({ ...running, nextChunk: 2 }, running)).toBe(true);
    expect(shouldDriveImport({ ...running, attempts: 1 }, { ...running, attempts: 2 })).toBe(true);
  });

  it("ignores a runner's own lease claim, finished jobs and deletions", () => {
    expect(shouldDriveImport(running, { ...running, lease: { owner: 'x', until: 'z' } })).toBe(false);
    expect(shouldDriveImport({ ...running, lease: { owner: 'x', until: 'z' } }, running)).toBe(false);
    expect(shouldDriveImport(running, { ...running, state: 'DONE' })).toBe(false);
    expect(shouldDriveImport(running, undefined)).toBe(false);
  });
});
