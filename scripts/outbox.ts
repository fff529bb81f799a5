/**
 * `npm run outbox`: what the local stack has sent (its fake providers keep every message). Asks the running stack's
 * sinks; with no stack running, reads the log they append to (.debtx/outbox.jsonl). `--clear` empties the log.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dotenv } from './lib/localSources';
import { OUTBOX_LOG } from './lib/localNotify';
import type { SentEmail, SentSms } from './lib/notifySinks';

type Entry = ({ kind: 'sms' } & SentSms) | ({ kind: 'email' } & SentEmail);

async function fromStack(): Promise<Entry[] | null> {
  try {
    const response = await fetch(`${dotenv('.env.local').TWILIO_BASE_URL}/__outbox`);
    const out = (await response.json()) as { sms: SentSms[]; emails: SentEmail[] };
    return [
      ...out.sms.map((m) => ({ kind: 'sms' as const, ...m })),
      ...out.emails.map((m) => ({ kind: 'email' as const, ...m })),
    ];
  } catch {
    return null;
  }
}

function fromLog(): Entry[] {
  if (!existsSync(OUTBOX_LOG)) return [];
  return readFileSync(OUTBOX_LOG, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Entry);
}

async function main(): Promise<void> {
  if (process.argv.includes('--clear')) {
    rmSync(OUTBOX_LOG, { force: true });
    console.log(`cleared ${OUTBOX_LOG}`);
    return;
  }
  const live = await fromStack();
  const entries = (live ?? fromLog()).sort((a, b) => a.at.localeCompare(b.at));
  console.log(live ? 'from the running stack:' : `no stack running; from ${OUTBOX_LOG}:`);
  for (const e of entries) {
    if (e.kind === 'sms') console.log(`${e.at}  SMS    to ${e.to}: ${e.body.replace(/\s+/g, ' ')}`);
    else
      console.log(`${e.at}  EMAIL  to ${e.to.join(', ')}: ${e.subject} — ${e.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  console.log(
    `${entries.filter((e) => e.kind === 'sms').length} SMS, ${entries.filter((e) => e.kind === 'email').length} emails`,
  );
}

void main();
