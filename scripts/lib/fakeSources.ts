import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { demoSourceAccount } from '../../functions/src/demo/sourceAccounts';
import type { SourceAccount } from '../../functions/src/sources/types';

/**
 * A local fake of the operator's source systems (BSS billing, OSS network, CRM) for development and tests:
 * the HTTP/JSON endpoints the http connector (functions/src/sources/httpSource.ts) reads, serving the
 * generated demo accounts (account numbers starting `00` exist), with switchable failure modes per system.
 *
 *   GET  /bss/accounts/{account}             status and products, arrears as decimal rupee strings ("12,345.67")
 *   GET  /oss/accounts/{account}/cpe          CPE items, each on a product
 *   GET  /crm/accounts/{account}/customer     the customer
 *   GET  /lake/feed?after={cursor}&limit={n}  the data lake's feed of new incidents and changes (cursor = position)
 *   POST /__lake {"items":[...]}              appends items to the lake feed (a new incident, a change)
 *   GET  /__mode                              the current modes and request counts
 *   POST /__mode {"system":"bss"|"oss"|"crm"|"all","mode":"ok"|"timeout"|"500"|"malformed"|"flaky"}
 *
 * Modes: `ok`; `timeout` (the request is held unanswered until the server stops);
 * `500`; `malformed` (a record with a field missing or of the wrong type); `flaky` (every other request is a
 * 500, starting with the first after the mode is set).
 */

export const FAKE_SYSTEMS = ['bss', 'oss', 'crm'] as const;
export type FakeSystem = (typeof FAKE_SYSTEMS)[number];
export const FAKE_MODES = ['ok', 'timeout', '500', 'malformed', 'flaky'] as const;
export type FakeMode = (typeof FAKE_MODES)[number];

export interface FakeSourcesOptions {
  /** Initial modes; every system is `ok` unless given. */
  modes?: Partial<Record<FakeSystem, FakeMode>>;
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  token?: string;
  /** The accounts served; the generated demo accounts unless given. */
  accounts?: (accountNumber: string) => SourceAccount | null;
  /** Log each request to stdout. */
  log?: boolean;
  /** The data lake feed's first items; a few incidents on unregistered demo accounts unless given. */
  lakeItems?: unknown[];
}

const DEFAULT_LAKE_ITEMS = [1, 2, 3].map((i) => ({
  type: 'incident',
  incidentId: `DEMO-INC-${i}`,
  accountNumber: `006660000${i}`,
  requiredAction: i === 2 ? 'arrears_cpe' : 'arrears',
  raisedAt: '2026-11-01T06:00:00Z',
}));

export interface FakeSources {
  url: string;
  port: number;
  setMode(mode: FakeMode, system?: FakeSystem | 'all'): void;
  modes(): Record<FakeSystem, FakeMode>;
  /** Requests answered or held, per system, since start (the test's way to see that a retry happened). */
  hits(): Record<FakeSystem, number>;
  stop(): Promise<void>;
}

/** "12,345.67" from cents: how billing exports write rupees. */
export function centsToRupeesText(cents: number): string {
  const rupees = Math.floor(cents / 100).toLocaleString('en-US');
  return `${rupees}.${String(cents % 100).padStart(2, '0')}`;
}

export function bssRecordOf(a: SourceAccount) {
  return {
    accountNumber: a.accountNumber,
    accountStatus: a.accountStatus.toUpperCase(),
    products: a.products.map((p) => ({
      productId: p.productId,
      kind: p.kind,
      status: p.status,
      arrears: centsToRupeesText(p.arrearsCents),
    })),
  };
}

export function ossRecordOf(a: SourceAccount) {
  // The demo account's CPE item i serves its product i.
  return {
    accountNumber: a.accountNumber,
    cpe: a.cpe.map((c, i) => ({
      itemId: c.itemId,
      productId: a.products[i]?.productId ?? a.products[0]?.productId ?? 'none',
      kind: c.kind,
      serialNumber: c.serialNumber,
    })),
  };
}

export function crmRecordOf(a: SourceAccount) {
  return { accountNumber: a.accountNumber, ...a.customer };
}

/** The same records with one field broken, so the connector's schema must name it. */
function malformed(system: FakeSystem, a: SourceAccount): unknown {
  if (system === 'bss') {
    const r = bssRecordOf(a);
    const last = r.products[r.products.length - 1];
    if (last) last.arrears = 'twelve hundred';
    return r;
  }
  if (system === 'oss') {
    const r = ossRecordOf(a) as { cpe: Record<string, unknown>[] };
    if (r.cpe[0]) delete r.cpe[0].serialNumber;
    return r;
  }
  const { name: _name, ...rest } = crmRecordOf(a);
  return { ...rest, phone: 771234567 };
}

const ROUTES: [FakeSystem, RegExp][] = [
  ['bss', /^\/bss\/accounts\/([^/]+)$/],
  ['oss', /^\/oss\/accounts\/([^/]+)\/cpe$/],
  ['crm', /^\/crm\/accounts\/([^/]+)\/customer$/],
];

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 10_000) break;
  }
  return text;
}

/** Starts the fake on 127.0.0.1 (`port` 0: any free port). */
export async function startFakeSources(port = 0, options: FakeSourcesOptions = {}): Promise<FakeSources> {
  const modes: Record<FakeSystem, FakeMode> = { bss: 'ok', oss: 'ok', crm: 'ok', ...options.modes };
  const counts: Record<FakeSystem, number> = { bss: 0, oss: 0, crm: 0 };
  const flakyTurn: Record<FakeSystem, number> = { bss: 0, oss: 0, crm: 0 };
  const held = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const accounts = options.accounts ?? demoSourceAccount;
  // The lake starts with a few incidents on demo accounts the seed does not register (accounts 0066…).
  const lake: unknown[] = (options.lakeItems ?? DEFAULT_LAKE_ITEMS).slice();

  const setMode = (mode: FakeMode, system: FakeSystem | 'all' = 'all'): void => {
    if (!FAKE_MODES.includes(mode)) throw new Error(`unknown mode ${String(mode)} (${FAKE_MODES.join(', ')})`);
    for (const s of system === 'all' ? FAKE_SYSTEMS : [system]) {
      modes[s] = mode;
      flakyTurn[s] = 0;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (options.log) console.log(`[fake-sources] ${req.method} ${path}`);
    if (path === '/lake/feed' && req.method === 'GET') {
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        return send(res, 401, { error: 'missing or wrong bearer token' });
      }
      const query = new URL(req.url ?? '/', 'http://fake').searchParams;
      const after = Number(query.get('after') || '0');
      const limit = Math.min(Number(query.get('limit') || '100'), 1000);
      if (!Number.isInteger(after) || after < 0) return send(res, 400, { error: 'after must be a position' });
      const items = lake.slice(after, after + limit);
      return send(res, 200, { items, next: String(after + items.length) });
    }
    if (path === '/__lake' && req.method === 'POST') {
      let body: { items?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        return send(res, 400, { error: 'the body is not JSON' });
      }
      if (!Array.isArray(body.items)) return send(res, 400, { error: 'items must be an array' });
      lake.push(...(body.items as unknown[]));
      return send(res, 200, { size: lake.length });
    }
    if (path === '/__mode') {
      if (req.method === 'GET') return send(res, 200, { modes, hits: counts });
      if (req.method !== 'POST') return send(res, 405, { error: 'GET or POST' });
      let body: { system?: unknown; mode?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        return send(res, 400, { error: 'the body is not JSON' });
      }
      const system = body.system ?? 'all';
      if (system !== 'all' && !FAKE_SYSTEMS.includes(system as FakeSystem)) {
        return send(res, 400, { error: `system must be one of all, ${FAKE_SYSTEMS.join(', ')}` });
      }
      if (!FAKE_MODES.includes(body.mode as FakeMode)) {
        return send(res, 400, { error: `mode must be one of ${FAKE_MODES.join(', ')}` });
      }
      setMode(body.mode as FakeMode, system as FakeSystem | 'all');
      return send(res, 200, { modes });
    }
    const route = ROUTES.map(([s, re]) => [s, re.exec(path)] as const).find(([, m]) => m);
    if (!route || req.method !== 'GET') return send(res, 404, { error: `no route ${req.method} ${path}` });
    const [system, match] = route;
    counts[system] += 1;
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      return send(res, 401, { error: 'missing or wrong bearer token' });
    }
    const mode = modes[system];
    if (mode === 'timeout') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    if (mode === '500') return send(res, 500, { error: `${system} is failing (fake mode 500)` });
    if (mode === 'flaky') {
      flakyTurn[system] += 1;
      if (flakyTurn[system] % 2 === 1) return send(res, 500, { error: `${system} is flaky (fake mode flaky)` });
    }
    const account = accounts(decodeURIComponent(match![1]!));
    if (!account) return send(res, 404, { error: 'no such account' });
    if (mode === 'malformed') return send(res, 200, malformed(system, account));
    const record =
      system === 'bss' ? bssRecordOf(account) : system === 'oss' ? ossRecordOf(account) : crmRecordOf(account);
    return send(res, 200, record);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    setMode,
    modes: () => ({ ...modes }),
    hits: () => ({ ...counts }),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        held.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
