import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvFileError, CsvRecordParser, parseCsv, readCsvRecords, type CsvItem } from '../../src/sources/csvRecords';

const rows = (text: string) => parseCsv(text).records.map((r) => [r.row, r.values] as const);

describe('CSV records (RFC 4180)', () => {
  it('reads records keyed by the header, numbered by their row', () => {
    expect(rows('a,b\n1,2\n3,4\n')).toEqual([
      [2, { a: '1', b: '2' }],
      [3, { a: '3', b: '4' }],
    ]);
  });

  it('quoted fields keep commas, doubled quotes and line breaks; the next record keeps its true row', () => {
    const text = 'name,address,note\n"Perera, Nimal","12/3 Temple Rd,\nKandy","said ""call later"""\nSilva,"x",""\n';
    expect(rows(text)).toEqual([
      [2, { name: 'Perera, Nimal', address: '12/3 Temple Rd,\nKandy', note: 'said "call later"' }],
      [4, { name: 'Silva', address: 'x', note: '' }],
    ]);
  });

  it('drops a byte-order mark, accepts CRLF, LF and CR line ends, and keeps a CRLF inside quotes', () => {
    const text = '\uFEFFa,b\r\n1,"x\r\ny"\r\n2,3\r4,5';
    expect(parseCsv(text).columns).toEqual(['a', 'b']);
    expect(rows(text)).toEqual([
      [2, { a: '1', b: 'x\r\ny' }],
      [4, { a: '2', b: '3' }],
      [5, { a: '4', b: '5' }],
    ]);
  });

  it('skips blank lines but keeps their numbers; the last row needs no line end', () => {
    expect(rows('a\n\n1\r\n\r\n2')).toEqual([
      [3, { a: '1' }],
      [5, { a: '2' }],
    ]);
  });

  it('reports rows with missing or extra fields by row number, with the fields they have', () => {
    const { records, problems } = parseCsv(
      'acct,kind,status\n001,Fibre,active\n002,Fibre\n003,Fibre,active,oops\n"004",x\n',
    );
    expect(records.map((r) => r.row)).toEqual([2]);
    expect(problems).toEqual([
      {
        row: 3,
        problem: 'has 2 fields where the header has 3: status missing',
        values: { acct: '002', kind: 'Fibre' },
      },
      {
        row: 4,
        problem: 'has 4 fields where the header has 3: 1 extra',
        values: { acct: '003', kind: 'Fibre', status: 'active' },
      },
      { row: 5, problem: 'has 2 fields where the header has 3: status missing', values: { acct: '004', kind: 'x' } },
    ]);
  });

  it('reports text after a closing quote', () => {
    expect(parseCsv('a,b\n"x"y,2\n').problems).toEqual([
      { row: 2, problem: 'has text after the closing quote of field 1', values: { a: 'xy', b: '2' } },
    ]);
  });

  it('refuses a file whose quote never closes, naming the row it opened on', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"never\nclosed\n')).toThrow(
      new CsvFileError('row 3 opens a quoted field that is never closed'),
    );
  });

  it('refuses an empty file and a header with a nameless or repeated column', () => {
    expect(() => parseCsv('')).toThrow('is empty; a header row naming the columns is expected');
    expect(() => parseCsv('\uFEFF\n\n')).toThrow('is empty');
    expect(() => parseCsv('a,,c\n1,2,3')).toThrow('header row: column 2 has no name');
    expect(() => parseCsv('a,b,a\n1,2,3')).toThrow('header row: columns 1 and 3 are both named a');
  });

  it('gives the same records whatever the chunk boundaries (one character at a time)', () => {
    const text = '\uFEFFa,b\r\n"1,""x""\r\n",2\r\n\r\n3,"4"\n5,6';
    const whole = parseCsv(text);
    const parser = new CsvRecordParser();
    const items: CsvItem[] = [];
    for (const ch of text) items.push(...parser.push(ch));
    items.push(...parser.end());
    expect(items.flatMap((i) => ('record' in i ? [i.record] : []))).toEqual(whole.records);
    expect(whole.records.map((r) => r.row)).toEqual([2, 5, 6]);
  });

  it('streams a file from disk, announcing the header first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'debtx-csv-'));
    try {
      const path = join(dir, 'x.csv');
      const body = Array.from({ length: 5000 }, (_, i) => `${i},"line ${i}, with comma"`).join('\n');
      writeFileSync(path, `id,text\n${body}\n`);
      let columns: readonly string[] = [];
      let n = 0;
      let last: CsvItem | undefined;
      for await (const item of readCsvRecords(path, (c) => (columns = c))) {
        n += 1;
        last = item;
      }
      expect(columns).toEqual(['id', 'text']);
      expect(n).toBe(5000);
      expect(last).toEqual({ record: { row: 5001, values: { id: '4999', text: 'line 4999, with comma' } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
