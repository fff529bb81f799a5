/**
 * Sends one signed change to the local stack's source webhook, as a source system would (docs/operations.md, "Source
 * systems"):
 *
 *   npm run source:event -- payment <account> <rupees> [paymentId]
 *   npm run source:event -- status  <account> <active|suspended|disconnected|closed|closed_written_off>
 *   npm run source:event -- cpe     <account> <serialNumber> <location>
 *   npm run source:event -- indicator <account> <dispute|deceased|bankruptcy|do_not_contact>
 *
 * Signed with functions/.secret.local's SOURCE_WEBHOOK_SECRET, like the stack's Functions emulator expects.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signBody } from '../functions/src/domain/sync/signature';
import { PROJECT_ID, ROOT, stackPorts } from './lib/ports';

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run source:event -- payment|status|cpe|indicator <account> …  (see scripts/source-event.ts)`,
  );
  process.exit(2);
}

const secret = /^SOURCE_WEBHOOK_SECRET=(.*)$/m.exec(
  readFileSync(join(ROOT, 'functions', '.secret.local'), 'utf8'),
)?.[1];
if (!secret) usage('functions/.secret.local has no SOURCE_WEBHOOK_SECRET');
const [kind, accountNumber, a, b] = process.argv.slice(2);
if (!kind || !accountNumber) usage('say which change and which account');
const now = new Date();
const common = { eventId: `cli-${randomUUID()}`, accountNumber, occurredAt: now.toISOString() };
let change: Record<string, unknown>;
if (kind === 'payment') {
  const rupees = Number((a ?? '').replace(/,/g, ''));
  if (!Number.isFinite(rupees) || rupees <= 0) usage('a payment needs an amount in rupees, e.g. 1500.00');
  change = {
    ...common,
    source: 'bss',
    kind: 'payment',
    paymentId: b ?? `CLI-${Date.now()}`,
    amountCents: Math.round(rupees * 100),
    paidOn: now.toISOString().slice(0, 10),
    method: 'cash',
  };
} else if (kind === 'status') {
  change = { ...common, source: 'bss', kind: 'accountStatus', status: a };
} else if (kind === 'cpe') {
  change = { ...common, source: 'oss', kind: 'cpeReturned', serialNumber: a, location: b ?? 'Teleshop' };
} else if (kind === 'indicator') {
  change = { ...common, source: 'crm', kind: 'indicator', indicator: a };
} else usage(`unknown change ${kind}`);

const body = JSON.stringify(change);
const ts = Math.floor(Date.now() / 1000);
const url = `http://127.0.0.1:${stackPorts().functions}/${PROJECT_ID}/asia-south1/sourceWebhook`;
void fetch(url, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'x-debtx-timestamp': String(ts),
    'x-debtx-signature': signBody(secret, ts, body),
  },
  body,
}).then(
  async (res) => {
    console.log(`${res.status} ${await res.text()}`);
    process.exit(res.ok ? 0 : 1);
  },
  (error: Error) => usage(`the local stack did not answer at ${url} (${error.message}); start it with npm start`),
);
