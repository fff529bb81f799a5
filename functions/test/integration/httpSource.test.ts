import { demoSourceAccount } from '../../src/demo/sourceAccounts';
import { lookupWithRetry } from '../../src/services/sourceLookup';
import { HttpSource } from '../../src/sources/httpSource';
import type { SourceLookup } from '../../src/sources/types';

/**
 * The HTTP/JSON connector against the local fake of BSS, OSS and CRM (scripts/lib/fakeSources.ts), on a free port.
 *
 * The fake lives outside this package's rootDir, so a static import would fail `tsc -p functions` (TS6059); it is
 * type-checked by scripts/tsconfig.json and loaded here at run time, described by the few members the test uses.
 */
interface FakeSources {
  url: string;
  setMode(mode: 'ok' | 'timeout' | '500' | 'malformed' | 'flaky', system?: 'bss' | 'oss' | 'crm' | 'all'): void;
  hits(): Record<'bss' | 'oss' | 'crm', number>;
  stop(): Promise<void>;
}
type StartFakeSources = (port: number, options?: { token?: string }) => Promise<FakeSources>;
const FAKE_SOURCES = '../../../scripts/lib/fakeSources';
const startFakeSources = async (port: number, options?: { token?: string }) =>
  ((await import(FAKE_SOURCES)) as { startFakeSources: StartFakeSources }).startFakeSources(port, options);

const ACCT = '0012345678';
const TOKEN = 'test-token';
let fake: FakeSources;
let source: HttpSource;

beforeAll(async () => {
  fake = await startFakeSources(0, { token: TOKEN });
  source = new HttpSource({ baseUrl: fake.url, token: TOKEN, timeoutMs: 400 });
});
afterAll(() => fake.stop());
beforeEach(() => fake.setMode('ok'));

function reasonOf(r: SourceLookup): string {
  if (!('failed' in r)) throw new Error(`expected a failed lookup, got ${JSON.stringify(r)}`);
  return r.reason;
}

/** Malformed or contradictory records are an answer, not an outage: refused at once, never retried. */
function inconsistencyOf(r: SourceLookup): string {
  if (!('inconsistent' in r)) throw new Error(`expected an inconsistent lookup, got ${JSON.stringify(r)}`);
  return r.reason;
}

describe('HTTP source against the fake source systems', () => {
  it('finds an account: BSS rupee strings become exact cents, every product and CPE item is linked', async () => {
    const r = await source.lookup(ACCT);
    // The fake serves the demo account split into BSS/OSS/CRM shapes; merged back, it is the same account.
    expect(r).toEqual({ found: true, account: demoSourceAccount(ACCT) });
  });

  it('an account BSS does not know is not found', async () => {
    expect(await source.lookup('9912345678')).toEqual({
      found: false,
      reason: 'Account 9912345678 is not known to the billing system (BSS).',
    });
  });

  it('a 500 fails the lookup; with a flaky system the retry succeeds', async () => {
    fake.setMode('500', 'crm');
    expect(reasonOf(await source.lookup(ACCT))).toBe('CRM answered HTTP 500.');

    fake.setMode('flaky');
    const before = fake.hits();
    const r = await lookupWithRetry(source, ACCT, 3, 20);
    expect(r).toEqual({ found: true, account: demoSourceAccount(ACCT) });
    const after = fake.hits();
    // First attempt: every system answered 500; the second got the records.
    expect(after.bss - before.bss).toBe(2);
    expect(after.oss - before.oss).toBe(2);
    expect(after.crm - before.crm).toBe(2);
  });

  it('a system that never answers fails the lookup within the timeout', async () => {
    fake.setMode('timeout', 'oss');
    const started = Date.now();
    const r = await source.lookup(ACCT);
    const took = Date.now() - started;
    expect(reasonOf(r)).toBe('OSS did not answer within 400 ms.');
    expect(took).toBeGreaterThanOrEqual(380);
    expect(took).toBeLessThan(1_500);
  });

  it('a malformed record is an inconsistent answer (not an outage), naming the system, the record and the field', async () => {
    fake.setMode('malformed', 'bss');
    const products = demoSourceAccount(ACCT)!.products;
    expect(inconsistencyOf(await source.lookup(ACCT))).toBe(
      `The source systems answered malformed records for account ${ACCT}: BSS product ${products[products.length - 1]!.productId}: arrears is not an amount ("twelve hundred").`,
    );
    fake.setMode('ok');
    fake.setMode('malformed', 'oss');
    expect(inconsistencyOf(await source.lookup(ACCT))).toContain(`OSS CPE item ${ACCT}-E1: serialNumber is missing`);
    fake.setMode('ok');
    fake.setMode('malformed', 'crm');
    const crm = inconsistencyOf(await source.lookup(ACCT));
    expect(crm).toContain('CRM: name is missing');
    expect(crm).toContain('CRM: phone is not text (number)');
  });

  it('failure modes can be switched over HTTP (POST /__mode)', async () => {
    const set = (body: unknown) =>
      fetch(`${fake.url}/__mode`, { method: 'POST', body: JSON.stringify(body) }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as unknown,
      }));
    expect(await set({ system: 'bss', mode: '500' })).toMatchObject({ status: 200, body: { modes: { bss: '500' } } });
    expect(reasonOf(await source.lookup(ACCT))).toBe('BSS answered HTTP 500.');
    expect(await set({ system: 'bss', mode: 'sometimes' })).toMatchObject({ status: 400 });
    expect(await set({ system: 'billing', mode: 'ok' })).toMatchObject({ status: 400 });
    expect(await set({ system: 'all', mode: 'ok' })).toMatchObject({ status: 200 });
    expect(await source.lookup(ACCT)).toMatchObject({ found: true });
  });

  it('sends the bearer token; without it the source refuses and the lookup fails', async () => {
    const anonymous = new HttpSource({ baseUrl: fake.url, timeoutMs: 400 });
    expect(reasonOf(await anonymous.lookup(ACCT))).toContain(
      'BSS answered HTTP 401 (the source token is missing or refused)',
    );
  });

  it('a source that cannot be reached fails the lookup', async () => {
    const stopped = await startFakeSources(0);
    const url = stopped.url;
    await stopped.stop();
    const r = await new HttpSource({ baseUrl: url, timeoutMs: 400 }).lookup(ACCT);
    expect(reasonOf(r)).toMatch(/^BSS could not be reached \(/);
  });
});
