import type { z } from 'zod';
import type { AuditEvent } from '../domain/audit/chain';
import { negotiationHistoryValue, type customerNegotiations } from '../domain/contracts/field';
import type { CaseState } from '../domain/model/case';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { readQuery } from '../data/ops';
import { encodeCursor } from '../domain/paging/cursor';
import { DEFAULT_PAGE, readCursor } from './keysetPage';

/** A trail cursor: the last event's sequence number; the next page is the events before it. */
const readSeqCursor = ([seq, ...rest]: readonly unknown[]) =>
  typeof seq === 'number' && Number.isSafeInteger(seq) && !rest.length ? seq : undefined;

type NegotiationHistoryPage = z.input<(typeof customerNegotiations)['output']>;

/**
 * Actions whose audit events make up a case's negotiation history: contacts and promises, settlements and their
 * approval, payments and reversals, failed CPE collections, and the board's steps. 21 action/result pairs in
 * the telecom life cycle, under the 30 values Firestore's `in` takes.
 */
export const NEGOTIATION_ACTION_CODES = [
  'recordContact',
  'decideSettlement',
  'recordPayment',
  'reversePayment',
  'cpeCollectionFailed',
  'escalate',
  'scheduleHearing',
  'boardResponse',
  'boardOutcome',
];

/**
 * A case's negotiation history, newest first, read from its audit trail (one indexed query): exactly what was
 * recorded, never a second copy that could disagree.
 */
export async function negotiationHistoryPage(
  c: CaseState,
  input: { limit?: number | null; cursor?: string | null },
): Promise<NegotiationHistoryPage> {
  const config = await loadCaseType(c.caseType, c.configVersion);
  const actions = (config?.actions ?? [])
    .filter((a) => NEGOTIATION_ACTION_CODES.includes(a.code))
    .flatMap((a) => a.results.map((r) => `${a.code}/${r.code}`))
    .slice(0, 30); // Firestore's `in` takes at most 30 values.
  if (actions.length === 0) return { items: [], nextCursor: null };
  const limit = input.limit ?? DEFAULT_PAGE;
  const before = input.cursor ? readCursor(input.cursor, readSeqCursor) : null;
  let query = firestore().collection(COL.audit).where('entity', '==', `cases/${c.id}`).where('action', 'in', actions);
  if (before !== null) query = query.where('seq', '<', before);
  const snap = await readQuery(query.orderBy('seq', 'desc').limit(limit + 1));
  const events = snap.docs.map((d) => d.data() as AuditEvent).sort((a, b) => b.seq - a.seq);
  const page = events.slice(0, limit);
  return {
    items: page.map((e) => {
      const [action, result] = e.action.split('/');
      const raw = ((e.details as { inputs?: Record<string, unknown> } | undefined)?.inputs ?? {}) as Record<
        string,
        unknown
      >;
      const inputs = Object.fromEntries(
        Object.entries(raw).filter(([, v]) => negotiationHistoryValue.safeParse(v).success),
      ) as Record<string, string | number | boolean | null>;
      return {
        seq: e.seq,
        at: e.at,
        action: action ?? e.action,
        result: result ?? '',
        summary: e.summary,
        by: { uid: e.actor.uid, role: e.actor.role, displayName: e.actor.displayName ?? null },
        inputs,
      };
    }),
    nextCursor: events.length > limit && page.length ? encodeCursor([page[page.length - 1]!.seq]) : null,
  };
}
