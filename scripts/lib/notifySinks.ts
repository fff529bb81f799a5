import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import twilio from 'twilio';

/**
 * Local stand-ins for the notification providers, started by both stacks:
 *
 * - a fake Twilio REST API: accepts the Messages API POST the real twilio client sends
 *   (`/2010-04-01/Accounts/{sid}/Messages.json`, form-encoded, basic auth) and answers as Twilio does;
 * - an SMTP sink (smtp-server, messages read by mailparser): accepts what nodemailer sends and keeps it.
 *
 * Both record what they receive; `GET /__outbox` on the HTTP port lists it, `npm run outbox` prints it,
 * and with a log file every message is appended there as a JSON line. Failure modes for tests:
 *   POST /__mode {"sms": "ok"|"500"|"400"|"drop", "email": "ok"|"451"|"550"}
 * A customer's reply (e.g. STOP), posted to the inbound webhook signed as Twilio signs it:
 *   POST /__inbound {"from": "+94771234567", "body": "STOP"}  → {"status": <the webhook's answer>, "messageSid"}
 */
export const NOTIFY_SINK_PORTS = { twilio: 4025, smtp: 2525 } as const;

export type SmsMode = 'ok' | '500' | '400' | 'drop';
export type EmailMode = 'ok' | '451' | '550';

export interface SentSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  /** What the status callback got back (204 when the function accepted its signature), once sent. */
  callbackStatus?: number | string;
  at: string;
}

export interface SentEmail {
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  at: string;
}

export interface NotifySinks {
  twilioUrl: string;
  smtpPort: number;
  httpPort: number;
  sms: SentSms[];
  emails: SentEmail[];
  /** Requests refused by a failure mode (the tests' way to see that a retry reached the provider). */
  refused: { sms: number; email: number };
  setMode(modes: { sms?: SmsMode; email?: EmailMode }): void;
  clear(): void;
  stop(): Promise<void>;
}

export interface NotifySinkOptions {
  httpPort?: number;
  smtpPort?: number;
  /** Append every received message to this file as a JSON line. */
  logFile?: string;
  /**
   * When set, an accepted SMS with a StatusCallback gets a `delivered` callback shortly after, signed with
   * this auth token as Twilio signs its callbacks, so the local stack exercises the signature check too.
   */
  authToken?: string;
  /** The twilioInbound function's URL: where `POST /__inbound` delivers a customer's SMS, signed with authToken. */
  inboundUrl?: string;
}

const escapeHtml = (v: string) =>
  v.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A page listing what the local stack sent, newest first, so a developer sees what would have gone out. */
function outboxPage(sinks: Pick<NotifySinks, 'sms' | 'emails'>): string {
  const rows = [
    ...sinks.sms.map((m) => ({ at: m.at, channel: 'SMS', to: m.to, subject: '', text: m.body })),
    ...sinks.emails.map((m) => ({ at: m.at, channel: 'Email', to: m.to.join(', '), subject: m.subject, text: m.text })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.at)}</td><td>${r.channel}</td><td>${escapeHtml(r.to)}</td><td>${escapeHtml(r.subject)}</td><td><pre>${escapeHtml(r.text)}</pre></td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>DebtX local outbox</title><style>body{font:14px system-ui;margin:1rem}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;margin:0}</style></head>
<body><h1>Sent by the local stack</h1><p>${sinks.sms.length} SMS, ${sinks.emails.length} emails. Nothing here left this machine.
Reload to refresh; JSON at <a href="/__outbox">/__outbox</a>.</p>
<table><thead><tr><th>At</th><th>Channel</th><th>To</th><th>Subject</th><th>Text</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
}

/** Posts a form to a webhook of ours signed as Twilio does (X-Twilio-Signature): status callbacks, inbound SMS. */
async function sendStatusCallback(url: string, authToken: string, params: Record<string, string>): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  return response.status;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startNotifySinks(options: NotifySinkOptions = {}): Promise<NotifySinks> {
  let smsMode: SmsMode = 'ok';
  let emailMode: EmailMode = 'ok';
  let inboundCount = 0;
  const record = (kind: 'sms' | 'email', entry: unknown) => {
    if (!options.logFile) return;
    mkdirSync(dirname(options.logFile), { recursive: true });
    appendFileSync(options.logFile, `${JSON.stringify({ kind, ...(entry as object) })}\n`);
  };

  const http = createHttpServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/__outbox')
        return json(res, 200, { sms: sinks.sms, emails: sinks.emails });
      if (req.method === 'GET' && url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(outboxPage(sinks));
      }
      if (req.method === 'POST' && url.pathname === '/__mode') {
        const body = JSON.parse((await readBody(req)) || '{}') as { sms?: SmsMode; email?: EmailMode };
        sinks.setMode(body);
        return json(res, 200, { sms: smsMode, email: emailMode });
      }
      if (req.method === 'POST' && url.pathname === '/__inbound') {
        const body = JSON.parse((await readBody(req)) || '{}') as { from?: string; body?: string };
        if (!options.inboundUrl || !options.authToken)
          return json(res, 409, { message: 'the sinks were started without inboundUrl and authToken' });
        inboundCount += 1;
        const messageSid = `SM${String(inboundCount).padStart(30, '0')}in`;
        const params = {
          MessageSid: messageSid,
          AccountSid: 'AC00000000000000000000000000000000',
          From: body.from ?? '',
          To: '+94110000000',
          Body: body.body ?? '',
        };
        const status = await sendStatusCallback(options.inboundUrl, options.authToken, params);
        return json(res, 200, { status, messageSid });
      }
      const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(url.pathname);
      if (req.method === 'POST' && m) {
        const form = new URLSearchParams(await readBody(req));
        if (!(req.headers.authorization ?? '').startsWith('Basic ')) {
          return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
        }
        if (smsMode === 'drop') {
          sinks.refused.sms += 1;
          return req.socket.destroy();
        }
        if (smsMode === '500') {
          sinks.refused.sms += 1;
          return json(res, 500, { code: 20500, message: 'Internal Server Error (fake)', status: 500 });
        }
        const to = form.get('To') ?? '';
        if (smsMode === '400' || !/^\+\d{8,15}$/.test(to)) {
          sinks.refused.sms += 1;
          return json(res, 400, {
            code: 21211,
            message: `The 'To' number ${to} is not a valid phone number.`,
            status: 400,
          });
        }
        const sid = `SM${String(sinks.sms.length + 1).padStart(32, '0')}`;
        const entry: SentSms = {
          sid,
          to,
          from: form.get('From') ?? form.get('MessagingServiceSid') ?? '',
          body: form.get('Body') ?? '',
          statusCallback: form.get('StatusCallback'),
          at: new Date().toISOString(),
        };
        sinks.sms.push(entry);
        record('sms', entry);
        if (options.authToken && entry.statusCallback) {
          const callback = entry.statusCallback;
          const params = { MessageSid: sid, MessageStatus: 'delivered', AccountSid: m[1]!, To: to, From: entry.from };
          setTimeout(() => {
            sendStatusCallback(callback, options.authToken!, params).then(
              (status) => (entry.callbackStatus = status),
              (error: unknown) => (entry.callbackStatus = String(error)),
            );
          }, 250);
        }
        return json(res, 201, {
          sid,
          account_sid: m[1],
          to: entry.to,
          from: entry.from,
          body: entry.body,
          status: 'queued',
          date_created: new Date().toUTCString(),
          num_segments: '1',
          uri: `/2010-04-01/Accounts/${m[1]}/Messages/${sid}.json`,
        });
      }
      json(res, 404, { code: 20404, message: 'not found', status: 404 });
    })().catch((error: unknown) => json(res, 500, { message: String(error) }));
  });

  const smtp = new SMTPServer({
    banner: 'debtx-smtp-sink',
    authOptional: true,
    // Plain SMTP on the loopback: no certificate to make, and nodemailer then sends without STARTTLS.
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Stopping the sinks (a test's teardown) should not wait for an idle client to hang up.
    closeTimeout: 500,
    onAuth: (_auth, _session, done) => done(null, { user: 'local' }),
    onData: (stream, session, done) => {
      if (emailMode !== 'ok') {
        // Read the message, then answer with the provider's refusal: transient (451) or permanent (550).
        sinks.refused.email += 1;
        stream.resume();
        stream.on('end', () =>
          done(
            Object.assign(new Error(emailMode === '451' ? 'Try again later (fake)' : 'Mailbox unavailable (fake)'), {
              responseCode: Number(emailMode),
            }),
          ),
        );
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          const entry: SentEmail = {
            messageId: mail.messageId ?? null,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: (mail.text ?? '').replace(/\r?\n$/, ''),
            at: new Date().toISOString(),
          };
          sinks.emails.push(entry);
          record('email', entry);
          done();
        },
        (error: Error) => done(error),
      );
    },
  });

  const listen = (
    server: {
      listen(port: number, host: string, cb: () => void): unknown;
      address(): AddressInfo | string | null;
      once(ev: 'error', cb: (e: Error) => void): unknown;
    },
    port: number,
  ) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const httpPort = await listen(http, options.httpPort ?? 0);
  const smtpPort = await listen(smtp.server, options.smtpPort ?? 0);

  const sinks: NotifySinks = {
    twilioUrl: `http://127.0.0.1:${httpPort}`,
    httpPort,
    smtpPort,
    sms: [],
    emails: [],
    refused: { sms: 0, email: 0 },
    setMode(modes) {
      if (modes.sms) smsMode = modes.sms;
      if (modes.email) emailMode = modes.email;
    },
    clear() {
      sinks.sms.length = 0;
      sinks.emails.length = 0;
      sinks.refused = { sms: 0, email: 0 };
    },
    stop: async () => {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((r) => http.close(() => r())),
        new Promise<void>((r) => smtp.close(() => r())),
      ]);
    },
  };
  return sinks;
}

/** The environment that points the functions' providers at the sinks (the params' names). */
export function sinkEnv(sinks: Pick<NotifySinks, 'twilioUrl' | 'smtpPort'>): Record<string, string> {
  return {
    TWILIO_BASE_URL: sinks.twilioUrl,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sinks.smtpPort),
    TWILIO_AUTH_TOKEN: 'local-twilio-token',
  };
}
