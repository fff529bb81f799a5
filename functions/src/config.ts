import { defineSecret, defineString } from 'firebase-functions/params';
import { demoSource } from './sources/demoSource';
import { FileDropSource } from './sources/fileDropSource';
import { HttpSource } from './sources/httpSource';
import type { AccountSource } from './sources/types';

/** Every function runs next to the users (Sri Lanka) and the data. */
export const REGION = 'asia-south1';

export const ACCOUNT_SOURCE_KINDS = ['demo', 'http', 'file'] as const;
export type AccountSourceKind = (typeof ACCOUNT_SOURCE_KINDS)[number];

/** Which source-system connector registration uses (README, "Params and secrets"). */
export const ACCOUNT_SOURCE = defineString('ACCOUNT_SOURCE', {
  default: 'demo',
  description:
    'Source of account, product and CPE data for registration: demo (generated), http (SOURCE_BASE_URL), file (SOURCE_DROP_DIR)',
});

/** The HTTP/JSON connector's base URL: `{base}/bss/...`, `{base}/oss/...`, `{base}/crm/...`. */
export const SOURCE_BASE_URL = defineString('SOURCE_BASE_URL', {
  default: '',
  description: 'Base URL of the BSS/OSS/CRM HTTP gateway (ACCOUNT_SOURCE=http)',
});

/** The folder the source systems export to (ACCOUNT_SOURCE=file): bss/oss/crm .jsonl or .csv. */
export const SOURCE_DROP_DIR = defineString('SOURCE_DROP_DIR', {
  default: '',
  description: 'Folder of bss/oss/crm exports, .jsonl or .csv (ACCOUNT_SOURCE=file)',
});

/**
 * Bearer token for the HTTP gateway. A function that reads it must list it in its `secrets` option when
 * deployed; outside a deployed runtime (tests, emulators, the offline relay) it is read from process.env.
 */
export const SOURCE_TOKEN = defineSecret('SOURCE_TOKEN', {
  description: 'Bearer token for the BSS/OSS/CRM HTTP gateway (ACCOUNT_SOURCE=http)',
});

/** Running as a deployed function (not a test, an emulator or the offline relay). */
export const deployed = (): boolean => Boolean(process.env.K_SERVICE) && process.env.FUNCTIONS_EMULATOR !== 'true';

export function sourceToken(): string {
  return deployed() ? SOURCE_TOKEN.value() : (process.env.SOURCE_TOKEN ?? '');
}

/** The shared secret source systems sign their change webhooks with (docs/operations.md). */
export const SOURCE_WEBHOOK_SECRET = defineSecret('SOURCE_WEBHOOK_SECRET', {
  description: 'HMAC-SHA256 key the source systems sign change webhooks with',
});

export function sourceWebhookSecret(): string {
  return deployed() ? SOURCE_WEBHOOK_SECRET.value() : (process.env.SOURCE_WEBHOOK_SECRET ?? '');
}

/** The data lake's incident and change feed (`{base}/lake/...`); empty: the lake is not read. */
export const LAKE_BASE_URL = defineString('LAKE_BASE_URL', {
  default: '',
  description: 'Base URL of the data-lake feed of new incidents and changes (empty: no lake sync)',
});

/** A source that refuses every lookup with the configuration problem, so a request says why it failed. */
function misconfigured(kind: string, reason: string): AccountSource {
  return {
    name: kind,
    async lookup() {
      return { failed: true, reason: `The ${kind} account source is misconfigured: ${reason}.` };
    },
  };
}

// One connector per configuration for the life of the instance: the file-drop index survives between events.
let cached: { key: string; source: AccountSource } | null = null;

export function accountSource(): AccountSource {
  // Outside a deployed runtime (tests, the offline relay) params are unset: fall back to the declared default.
  const kind = (ACCOUNT_SOURCE.value() || 'demo').trim();
  if (kind === 'demo') return demoSource;
  if (kind === 'http') {
    const baseUrl = SOURCE_BASE_URL.value().trim();
    const token = sourceToken();
    const key = `http|${baseUrl}|${token}`;
    if (cached?.key === key) return cached.source;
    let source: AccountSource;
    if (!baseUrl) source = misconfigured('http', 'SOURCE_BASE_URL is not set');
    else {
      try {
        source = new HttpSource({ baseUrl, token });
      } catch (error) {
        source = misconfigured('http', (error as Error).message);
      }
    }
    cached = { key, source };
    return source;
  }
  if (kind === 'file') {
    const dir = SOURCE_DROP_DIR.value().trim();
    const key = `file|${dir}`;
    if (cached?.key === key) return cached.source;
    const source = dir ? new FileDropSource(dir) : misconfigured('file', 'SOURCE_DROP_DIR is not set');
    cached = { key, source };
    return source;
  }
  throw new Error(`ACCOUNT_SOURCE=${kind} is not a known source kind (${ACCOUNT_SOURCE_KINDS.join(', ')})`);
}

export const nowIso = (): string => new Date().toISOString();
