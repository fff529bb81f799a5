import { mergeSourceRecords, parseBss, parseCrm, parseOss, problemsReason, type Parsed } from './recordSchemas';
import type { AccountSource, SourceLookup } from './types';

/**
 * The HTTP/JSON connector: BSS, OSS and CRM behind one base URL (an integration gateway, or the local fake
 * of scripts/lib/fakeSources.ts), asked in parallel:
 *
 *   GET {base}/bss/accounts/{account}            → the account's status and products (404: no such account)
 *   GET {base}/oss/accounts/{account}/cpe        → its CPE items (404: none installed)
 *   GET {base}/crm/accounts/{account}/customer   → the customer (404: CRM has none, a problem)
 *
 * Each request has a deadline (3 s unless configured). An answer the caller can do nothing about — a
 * timeout, a refused connection, a 5xx or 429, a body that is not JSON or not the expected record — makes
 * the lookup `failed` with a reason naming the system (and the field), so lookupWithRetry tries again and,
 * if it keeps failing, the registration is refused before anything is written.
 */

export interface HttpSourceOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  /** Deadline of each request, answer body included. */
  timeoutMs?: number;
  /** A body larger than this is refused (a misrouted request answered with a page, a runaway export). */
  maxBodyBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 3_000;
const DEFAULT_MAX_BODY = 1024 * 1024;

type System = 'BSS' | 'OSS' | 'CRM';
type Answer = { ok: true; body: unknown } | { ok: false; absent: true } | { ok: false; absent: false; reason: string };

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export class HttpSource implements AccountSource {
  readonly name = 'http';
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly maxBody: number;

  constructor(private readonly options: HttpSourceOptions) {
    const base = options.baseUrl.trim().replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/.test(base))
      throw new Error(`the source base URL "${options.baseUrl}" is not an http(s) URL`);
    this.base = base;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  }

  async lookup(accountNumber: string): Promise<SourceLookup> {
    const acct = accountNumber.trim();
    const a = encodeURIComponent(acct);
    const [bss, oss, crm] = await Promise.all([
      this.get('BSS', `/bss/accounts/${a}`),
      this.get('OSS', `/oss/accounts/${a}/cpe`),
      this.get('CRM', `/crm/accounts/${a}/customer`),
    ]);
    // Billing is the system of record for whether an account exists.
    if (!bss.ok && bss.absent)
      return { found: false, reason: `Account ${acct} is not known to the billing system (BSS).` };
    const failures = [bss, oss, crm].flatMap((x) => (!x.ok && !x.absent ? [x.reason] : []));
    if (failures.length) return { failed: true, reason: `${failures.join('; ')}.` };

    const problems: string[] = [];
    const read = <T>(answer: Answer, parse: (raw: unknown) => Parsed<T>): T | null => {
      if (!answer.ok) return null;
      const parsed = parse(answer.body);
      if (parsed.ok) return parsed.record;
      problems.push(...parsed.problems);
      return null;
    };
    const bssRecord = read(bss, parseBss);
    const ossRecord = read(oss, parseOss);
    const crmRecord = read(crm, parseCrm);
    if (problems.length || !bssRecord) {
      return {
        inconsistent: true,
        reason: `The source systems answered malformed records for account ${acct}: ${problems.join('; ')}.`,
      };
    }
    const merged = mergeSourceRecords(bssRecord, ossRecord, crmRecord, acct);
    if ('problems' in merged) return { inconsistent: true, reason: problemsReason(acct, merged.problems) };
    return { found: true, account: merged };
  }

  private async get(system: System, path: string): Promise<Answer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    try {
      const res = await fetch(`${this.base}${path}`, { headers, signal: controller.signal, redirect: 'error' });
      if (res.status === 404) {
        await res.body?.cancel();
        return { ok: false, absent: true };
      }
      if (!res.ok) {
        await res.body?.cancel();
        const why =
          res.status === 401 || res.status === 403
            ? ' (the source token is missing or refused)'
            : res.status === 429
              ? ' (too many requests)'
              : '';
        return { ok: false, absent: false, reason: `${system} answered HTTP ${res.status}${why}` };
      }
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > this.maxBody) {
        await res.body?.cancel();
        return { ok: false, absent: false, reason: `${system} answered ${declared} bytes, more than ${this.maxBody}` };
      }
      const text = await res.text();
      if (Buffer.byteLength(text) > this.maxBody) {
        return { ok: false, absent: false, reason: `${system} answered more than ${this.maxBody} bytes` };
      }
      try {
        return { ok: true, body: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, absent: false, reason: `${system} answered a body that is not JSON` };
      }
    } catch (error) {
      if (controller.signal.aborted) {
        return { ok: false, absent: false, reason: `${system} did not answer within ${seconds(this.timeoutMs)}` };
      }
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause?.code ?? cause?.message ?? (error as Error).message;
      return { ok: false, absent: false, reason: `${system} could not be reached (${detail})` };
    } finally {
      clearTimeout(timer);
    }
  }
}

export function createHttpSource(options: HttpSourceOptions): HttpSource {
  return new HttpSource(options);
}
