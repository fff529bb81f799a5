import { z } from 'zod';
import type { Customer, Product } from '../domain/model/case';
import { LANGUAGES } from '../domain/model/languages';
import type { Cents } from '../domain/model/money';
import type { SourceAccount } from './types';

/**
 * What each source system answers about an account, validated at the boundary (zod), and the merge of
 * the three answers into the one SourceAccount a case is built from. Pure: no I/O, no Firebase.
 *
 * Every problem is a sentence that names the system, the record and the field, e.g.
 * `BSS product 0012345678-P2: arrears is not an amount ("12.345,67")`, because it reaches the officer
 * who registered the case (as the request's rejection reason) and the operator who reads the logs.
 * Personal data (phone, NIC, e-mail, address) is never repeated in a problem.
 */

export type SourceSystem = 'BSS' | 'OSS' | 'CRM';

export const ACCOUNT_STATUSES = ['active', 'suspended', 'disconnected', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Billing (BSS): the account's status and its billed products with their arrears. */
export interface BssRecord {
  accountNumber: string;
  accountStatus: AccountStatus;
  products: Product[];
}

/** A piece of customer-premises equipment as the network (OSS) knows it: on which product it serves. */
export interface OssCpeItem {
  itemId: string;
  productId: string;
  kind: string;
  serialNumber: string;
}

/** Network (OSS): the CPE installed for the account's products. */
export interface OssRecord {
  accountNumber: string;
  cpe: OssCpeItem[];
}

/** CRM: the customer behind the account. Phone is optional here; the merge reports it missing. */
export interface CrmRecord {
  accountNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string;
  city: string;
  region: string;
  nic: string | null;
  language: Customer['language'];
}

export type Parsed<T> = { ok: true; record: T } | { ok: false; problems: string[] };

// ---------------------------------------------------------------------------------------------------------
// Amounts

const RUPEES = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Decimal rupees as billing exports write them ("12,345.67", "12345.6", "12345") to integer cents, exactly:
 * the digits are read as text, never through floating point. Null when the text is not such an amount
 * (a wrong thousands grouping, more than two decimals, an exponent, a currency sign...).
 */
export function rupeesToCents(text: string): Cents | null {
  const m = RUPEES.exec(text.trim());
  if (!m) return null;
  const rupees = m[1]!.replace(/,/g, '');
  const cents = Number(rupees) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) && rupees.length <= 15 ? cents : null;
}

type AmountReading = { cents: Cents } | { problem: string };

/** A JSON number of rupees is read through its shortest decimal text, so 12345.67 is 1234567 cents exactly. */
function readRupees(value: unknown): AmountReading {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  if (typeof value === 'number' && value < 0) return { problem: `is negative (${shown}); a credit is not arrears` };
  if (typeof value === 'string' && /^\s*-/.test(value)) {
    return { problem: `is negative (${shown}); a credit is not arrears` };
  }
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  const cents = text === null ? null : rupeesToCents(text);
  return cents === null ? { problem: `is not an amount (${shown})` } : { cents };
}

function readCents(value: unknown): AmountReading {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isSafeInteger(n)) {
    return n < 0 ? { problem: `is negative (${shown}); a credit is not arrears` } : { cents: n };
  }
  return { problem: `is not a whole number of cents (${shown})` };
}

// ---------------------------------------------------------------------------------------------------------
// Field schemas

const isAbsent = (v: unknown) => v === undefined || v === null;

const text = () =>
  z
    .string({ error: (iss) => (isAbsent(iss.input) ? 'is missing' : `is not text (${typeof iss.input})`) })
    .trim()
    .min(1, { error: 'is missing' })
    .max(500, { error: 'is longer than 500 characters' });

/** Optional text: absent, null and "" all mean "none". */
const optionalText = () =>
  z
    .union([z.string().trim().max(500, { error: 'is longer than 500 characters' }), z.null()], {
      error: (iss) => `is not text (${typeof iss.input})`,
    })
    .optional()
    .transform((v) => (v ? v : null));

function oneOf<T extends string>(allowed: readonly T[]) {
  return text().transform((v, ctx) => {
    const key = v.toLowerCase();
    if ((allowed as readonly string[]).includes(key)) return key as T;
    ctx.addIssue({ code: 'custom', message: `"${v.slice(0, 40)}" is not one of ${allowed.join(', ')}`, input: v });
    return z.NEVER;
  });
}

const accountNumber = () => text();

const bssProduct = z
  .object(
    {
      productId: text(),
      kind: text(),
      status: text().transform((s) => s.toLowerCase()),
      arrearsCents: z.unknown().optional(),
      arrears: z.unknown().optional(),
    },
    { error: 'is not an object' },
  )
  .transform((p, ctx): Product => {
    const hasCents = !isAbsent(p.arrearsCents) && p.arrearsCents !== '';
    const hasRupees = !isAbsent(p.arrears) && p.arrears !== '';
    let reading: AmountReading;
    let field = 'arrears';
    if (hasCents && hasRupees) reading = { problem: 'is given twice (as arrears and as arrearsCents); send one' };
    else if (hasCents) {
      field = 'arrearsCents';
      reading = readCents(p.arrearsCents);
    } else if (hasRupees) reading = readRupees(p.arrears);
    else reading = { problem: 'is missing' };
    if ('problem' in reading) {
      ctx.addIssue({ code: 'custom', message: reading.problem, path: [field], input: p });
      return z.NEVER;
    }
    return { productId: p.productId, kind: p.kind, status: p.status, arrearsCents: reading.cents };
  });

const bssSchema = z.object(
  {
    accountNumber: accountNumber(),
    accountStatus: oneOf(ACCOUNT_STATUSES),
    products: z.array(bssProduct, { error: (iss) => (isAbsent(iss.input) ? 'is missing' : 'is not a list') }),
  },
  { error: 'is not a JSON object' },
);

const ossItem = z.object(
  { itemId: text(), productId: text(), kind: text(), serialNumber: text() },
  { error: 'is not an object' },
);

const ossSchema = z.object(
  {
    accountNumber: accountNumber(),
    cpe: z.array(ossItem, { error: (iss) => (isAbsent(iss.input) ? 'is missing' : 'is not a list') }),
  },
  { error: 'is not a JSON object' },
);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Old NIC: 9 digits and V or X; new NIC: 12 digits. */
const NIC = /^(\d{9}[VX]|\d{12})$/;

const LANGUAGE_CODES: Record<string, Customer['language']> = {
  ...Object.fromEntries(LANGUAGES.map((l) => [l, l])),
  english: 'en',
  sinhala: 'si',
  tamil: 'ta',
};

const crmSchema = z.object(
  {
    accountNumber: accountNumber(),
    name: text(),
    phone: optionalText(),
    email: optionalText().refine((v) => v === null || EMAIL.test(v), { error: 'is not an e-mail address' }),
    address: text(),
    city: text(),
    region: text(),
    nic: optionalText()
      .transform((v) => (v === null ? null : v.replace(/\s/g, '').toUpperCase()))
      .refine((v) => v === null || NIC.test(v), { error: 'is not a national identity card number' }),
    // A customer without a recorded language is written to in English.
    language: z
      .unknown()
      .optional()
      .transform((v, ctx): Customer['language'] => {
        if (isAbsent(v) || v === '') return 'en';
        const code = typeof v === 'string' ? LANGUAGE_CODES[v.trim().toLowerCase()] : undefined;
        if (code) return code;
        const shown = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(v);
        ctx.addIssue({ code: 'custom', message: `${shown} is not one of ${LANGUAGES.join(', ')}`, input: v });
        return z.NEVER;
      }),
  },
  { error: 'is not a JSON object' },
);

// ---------------------------------------------------------------------------------------------------------
// Readable problems

function labelOf(raw: unknown, listKey: string, index: number, idKey: string): string {
  const list = (raw as Record<string, unknown> | null)?.[listKey];
  const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
  const id = item && typeof item === 'object' ? item[idKey] : undefined;
  return typeof id === 'string' && id.trim() ? id.trim().slice(0, 60) : `#${index + 1}`;
}

/** `BSS product P2: arrears is not an amount`, `OSS CPE item E1: serialNumber is missing`, `CRM: name is missing`. */
function describeIssues(system: SourceSystem, raw: unknown, issues: z.core.$ZodIssue[]): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    let where = `${system}:`;
    let rest = path;
    if ((path[0] === 'products' || path[0] === 'cpe') && path.length >= 2) {
      const index = Number(path[1]);
      where =
        path[0] === 'products'
          ? `${system} product ${labelOf(raw, 'products', index, 'productId')}:`
          : `${system} CPE item ${labelOf(raw, 'cpe', index, 'itemId')}:`;
      rest = path.slice(2);
      if (rest.length === 0) {
        out.push(`${where.slice(0, -1)} ${issue.message}`);
        continue;
      }
    }
    const field = rest.join('.');
    out.push(field ? `${where} ${field} ${issue.message}` : `${system}: the record ${issue.message}`);
  }
  return [...new Set(out)];
}

function parseWith<T>(system: SourceSystem, schema: z.ZodType<T>, raw: unknown): Parsed<T> {
  const r = schema.safeParse(raw);
  return r.success
    ? { ok: true, record: r.data }
    : { ok: false, problems: describeIssues(system, raw, r.error.issues) };
}

export const parseBss = (raw: unknown): Parsed<BssRecord> => parseWith('BSS', bssSchema, raw);
export const parseOss = (raw: unknown): Parsed<OssRecord> => parseWith('OSS', ossSchema, raw);
export const parseCrm = (raw: unknown): Parsed<CrmRecord> => parseWith('CRM', crmSchema, raw);

// ---------------------------------------------------------------------------------------------------------
// Merge

/**
 * A Sri Lankan number in E.164 (+94 and 9 digits) from the ways CRM records it: 0771234567, 94771234567,
 * +94 77 123 4567, (077) 123-4567. Another country's number kept if it is already in E.164. Null otherwise.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s\-().]/g, '');
  if (/^0\d{9}$/.test(compact)) return `+94${compact.slice(1)}`;
  if (/^94\d{9}$/.test(compact)) return `+${compact}`;
  if (/^\+94\d{9}$/.test(compact)) return compact;
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact;
  return null;
}

/**
 * Links what the three systems hold into the account a case is built from: every BSS product, the CPE OSS
 * has installed for those products, the CRM customer. Refuses, with every problem found, what does not fit:
 * an answer for another account, a CPE item on a product BSS does not list, a product or an item listed twice,
 * a missing customer or phone number. `oss` is null when the network has no record of the account (no CPE);
 * `crm` is null when CRM has none (a problem: a case needs someone to contact).
 */
export function mergeSourceRecords(
  bss: BssRecord,
  oss: OssRecord | null,
  crm: CrmRecord | null,
  accountNumber: string = bss.accountNumber,
): SourceAccount | { problems: string[] } {
  const problems: string[] = [];
  const expected = accountNumber.trim();
  const answered: [SourceSystem, string | undefined][] = [
    ['BSS', bss.accountNumber],
    ['OSS', oss?.accountNumber],
    ['CRM', crm?.accountNumber],
  ];
  for (const [system, got] of answered) {
    if (got !== undefined && got.trim() !== expected) {
      problems.push(`${system} answered for account ${got.trim().slice(0, 40)}, not ${expected}`);
    }
  }

  const productIds = new Set<string>();
  for (const p of bss.products) {
    if (productIds.has(p.productId)) problems.push(`BSS lists product ${p.productId} more than once`);
    productIds.add(p.productId);
  }

  const itemIds = new Set<string>();
  const serials = new Map<string, string>();
  for (const item of oss?.cpe ?? []) {
    if (itemIds.has(item.itemId)) problems.push(`OSS lists CPE item ${item.itemId} more than once`);
    itemIds.add(item.itemId);
    const other = serials.get(item.serialNumber);
    if (other !== undefined && other !== item.itemId) {
      problems.push(`OSS gives CPE items ${other} and ${item.itemId} the same serial number ${item.serialNumber}`);
    }
    serials.set(item.serialNumber, item.itemId);
    if (!productIds.has(item.productId)) {
      problems.push(
        `OSS CPE item ${item.itemId} (${item.kind}, serial ${item.serialNumber}) is on product ${item.productId}, which BSS does not list for account ${expected}`,
      );
    }
  }

  let phone: string | null = null;
  if (!crm) problems.push(`CRM has no customer record for account ${expected}`);
  else if (!crm.phone) problems.push('CRM has no phone number for the customer');
  else {
    phone = normalisePhone(crm.phone);
    if (!phone) problems.push('CRM phone is not a phone number');
  }

  if (problems.length > 0 || !crm || !phone) return { problems };
  return {
    accountNumber: expected,
    accountStatus: bss.accountStatus,
    customer: {
      name: crm.name,
      phone,
      email: crm.email,
      address: crm.address,
      city: crm.city,
      region: crm.region,
      nic: crm.nic,
      language: crm.language,
    },
    products: bss.products.map((p) => ({ ...p })),
    cpe: (oss?.cpe ?? []).map(({ itemId, kind, serialNumber }) => ({ itemId, kind, serialNumber })),
  };
}

/** The merge's problems as one reason, for a `failed` lookup. */
export function problemsReason(accountNumber: string, problems: string[]): string {
  return `The source systems disagree or are incomplete for account ${accountNumber}: ${problems.join('; ')}.`;
}
