import { accountSource } from '../../src/config';
import { demoSource } from '../../src/sources/demoSource';
import { FileDropSource } from '../../src/sources/fileDropSource';
import { HttpSource } from '../../src/sources/httpSource';

/** ACCOUNT_SOURCE picks the connector; outside a deployed runtime params and the token come from process.env. */
describe('accountSource() configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of ['ACCOUNT_SOURCE', 'SOURCE_BASE_URL', 'SOURCE_DROP_DIR', 'SOURCE_TOKEN']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('is the demo source by default', () => {
    delete process.env.ACCOUNT_SOURCE;
    expect(accountSource()).toBe(demoSource);
    process.env.ACCOUNT_SOURCE = 'demo';
    expect(accountSource()).toBe(demoSource);
  });

  it('http: the base URL and token from the environment; one connector while the configuration holds', () => {
    process.env.ACCOUNT_SOURCE = 'http';
    process.env.SOURCE_BASE_URL = 'http://127.0.0.1:1/';
    process.env.SOURCE_TOKEN = 'tok';
    const first = accountSource();
    expect(first).toBeInstanceOf(HttpSource);
    expect(accountSource()).toBe(first);
    process.env.SOURCE_TOKEN = 'rotated';
    expect(accountSource()).not.toBe(first);
  });

  it('file: the drop folder from the environment, and the same instance (its index) across calls', () => {
    process.env.ACCOUNT_SOURCE = 'file';
    process.env.SOURCE_DROP_DIR = '/tmp/debtx-drop';
    const source = accountSource();
    expect(source).toBeInstanceOf(FileDropSource);
    expect((source as FileDropSource).dir).toBe('/tmp/debtx-drop');
    expect(accountSource()).toBe(source);
  });

  it('a connector without its setting fails every lookup with the reason', async () => {
    process.env.ACCOUNT_SOURCE = 'http';
    delete process.env.SOURCE_BASE_URL;
    expect(await accountSource().lookup('0012345678')).toEqual({
      failed: true,
      reason: 'The http account source is misconfigured: SOURCE_BASE_URL is not set.',
    });
    process.env.SOURCE_BASE_URL = 'ftp://example';
    expect(await accountSource().lookup('0012345678')).toEqual({
      failed: true,
      reason: 'The http account source is misconfigured: the source base URL "ftp://example" is not an http(s) URL.',
    });
    process.env.ACCOUNT_SOURCE = 'file';
    delete process.env.SOURCE_DROP_DIR;
    expect(await accountSource().lookup('0012345678')).toEqual({
      failed: true,
      reason: 'The file account source is misconfigured: SOURCE_DROP_DIR is not set.',
    });
  });

  it('refuses an unknown kind', () => {
    process.env.ACCOUNT_SOURCE = 'ftp';
    expect(() => accountSource()).toThrow('ACCOUNT_SOURCE=ftp is not a known source kind (demo, http, file)');
  });
});
