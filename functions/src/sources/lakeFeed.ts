import { z } from 'zod';
import { REQUIRED_ACTIONS } from '../domain/model/case';
import { sourceChangeSchema, type SourceChange } from '../domain/sync/sourceChange';
import { issueLines } from '../domain/validation/issues';

/**
 * The data lake's feed (source changes must reach open cases in real time): new incidents (accounts to hand to
 * recovery) and changes, in the lake's order, read page by page after a cursor the lake gives:
 *
 *   GET {base}/lake/feed?after={cursor}&limit={n} → { items: [...], next: "<cursor>" }
 *
 * Each item is checked on its own: one bad record is reported and skipped, never allowed to stall the feed.
 */

const incident = z.strictObject({
  type: z.literal('incident'),
  incidentId: z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'must be 1-80 letters, digits, _ . : or -'),
  accountNumber: z.string().regex(/^[0-9]{6,20}$/, 'must be 6 to 20 digits'),
  requiredAction: z.enum(REQUIRED_ACTIONS, { error: `must be one of ${REQUIRED_ACTIONS.join(', ')}` }),
  raisedAt: z.iso.datetime({ offset: true }),
});
const change = z.strictObject({ type: z.literal('change'), change: sourceChangeSchema });

export type LakeIncident = z.infer<typeof incident>;
export type LakeItem = LakeIncident | { type: 'change'; change: SourceChange };

export interface LakePage {
  items: LakeItem[];
  /** Items that failed validation: their position and what is wrong. */
  problems: string[];
  next: string;
}

const page = z.object({ items: z.array(z.unknown()).max(5_000), next: z.string().max(200) });

export function parseLakePage(body: unknown, after: string): LakePage {
  const outer = page.safeParse(body);
  if (!outer.success) throw new Error(`the data lake answered a page that is not {items, next}`);
  const items: LakeItem[] = [];
  const problems: string[] = [];
  outer.data.items.forEach((raw, i) => {
    const type = (raw as { type?: unknown } | null)?.type;
    const parsed = type === 'incident' ? incident.safeParse(raw) : change.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else {
      const [first] = issueLines(parsed.error.issues.slice(0, 1), { root: 'item' });
      problems.push(`item ${i + 1} after cursor "${after}": ${first}`);
    }
  });
  return { items, problems, next: outer.data.next };
}

export async function readLakePage(
  baseUrl: string,
  after: string,
  limit: number,
  options: { token?: string; timeoutMs?: number } = {},
): Promise<LakePage> {
  const url = `${baseUrl.replace(/\/+$/, '')}/lake/feed?after=${encodeURIComponent(after)}&limit=${limit}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  if (!res.ok) throw new Error(`the data lake answered HTTP ${res.status}`);
  return parseLakePage(await res.json(), after);
}
