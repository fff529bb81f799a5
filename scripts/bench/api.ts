/**
 * `npm run bench:api`: the mobile API's list and count operations.
 * 1. api.extra_reads_per_call: Firestore reads each list or count call is billed beyond the documents it returns,
 *    counted by the data-access layer (data/ops.ts) over every list and count operation, first and later pages.
 * 2. api.p95_ratio.c195: 195 concurrent clients calling the list and count operations (handlers in process, on the
 *    in-process offline Firestore), p95 latency divided by the p95 of a plain Admin SDK query for the same documents
 *    under the same load, in the same run. The offline emulator's absolute speed is a toy's (docs/performance.md):
 *    the ratio is the API's own overhead (policy, validation, paging, output schemas), and docs/performance.md argues
 *    production latency from the operation counts.
 * 3. api.p95_ms.c195: the API's p95 on the offline emulator, for the record only.
 */
import { AggregateField, type Query } from 'firebase-admin/firestore';
import { bench, startBenchFirestore } from './inProcessFirestore';

const CASES = 1_000;
const CLIENTS = 195;
const CALLS_PER_CLIENT = 3;
const STATUSES = ['RO_ASSIGNED', 'NEGOTIATION', 'NEGOTIATION', 'SETTLEMENT', 'MEDIATION_BOARD', 'DRC_ASSIGNED'];

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

async function main(): Promise<void> {
  const stop = await startBenchFirestore('demo-bench-api');
  const { seedOrganisation, asUser } = await import('../../functions/test/support/fixtures');
  const { apiCase } = await import('../../functions/test/support/apiCases');
  const { operationNamed } = await import('../../functions/src/operations');
  const { callOperation } = await import('../../functions/src/api/callables');
  const { COL, firestore } = await import('../../functions/src/data/db');
  const { opCount, resetOpCount } = await import('../../functions/src/data/ops');
  const { ACTIVE_NEGOTIATION_STATUSES, NEGOTIATION_STATUSES, BOARD_PHASES } =
    await import('../../functions/src/domain/cases/phases');
  const { boardPhaseFlag, negotiationPhaseFlag } = await import('../../functions/src/domain/lifecycle/phaseFlags');
  const { storedNewCase } = await import('../../functions/src/domain/model/storedCase');

  await seedOrganisation();
  let batch = firestore().batch();
  for (let i = 0; i < CASES; i++) {
    const drc = 1 + (i % 3);
    const ro = `demo-ro${2 * (drc - 1) + 1 + (Math.floor(i / 3) % 2)}`;
    const status = STATUSES[i % STATUSES.length]!;
    const c = apiCase(`K${String(i).padStart(5, '0')}`, status, {
      drcId: `drc${drc}`,
      roId: status === 'DRC_ASSIGNED' ? null : ro,
      updatedAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
      requiredAction: (['arrears', 'cpe', 'arrears_cpe'] as const)[i % 3],
      boardPhase:
        status === 'MEDIATION_BOARD' ? BOARD_PHASES[Math.floor(i / STATUSES.length) % BOARD_PHASES.length]! : null,
    });
    // As writeCaseWithAudit stores a case: with its derived fields (the phase flags the counts sum).
    batch.set(firestore().collection(COL.cases).doc(c.id), storedNewCase(c));
    if (i % 400 === 399) {
      await batch.commit();
      batch = firestore().batch();
    }
    if (i % 10 === 0) {
      // The mirror services/caseAudit.ts writes for each RO request (domain/requests/mirrors.ts).
      batch.set(firestore().collection('roRequests').doc(`Q${i}`), {
        id: `Q${i}`,
        kind: 'validity_extension',
        reason: 'bench',
        days: 14,
        state: 'pending',
        requestedBy: ro,
        requestedAt: c.updatedAt,
        decidedBy: null,
        decidedAt: null,
        note: null,
        caseId: c.id,
        accountNumber: c.accountNumber,
        customerName: c.customer.name,
        roId: ro,
        drcId: `drc${drc}`,
        caseStatus: c.status,
        caseClosed: false,
        updatedAt: c.updatedAt,
      });
    }
  }
  await batch.commit();

  type Call = { op: string; user: string; input: Record<string, unknown> };
  const users = ['ro1', 'ro2', 'ro3', 'ro4', 'ro5', 'ro6', 'drc1', 'drc2', 'drc3'];
  // Every list and count operation.
  const calls: Call[] = users.flatMap((user) => [
    { op: 'listActiveCustomerNegotiations', user, input: {} },
    { op: 'listDrcNegotiationCases', user, input: { limit: 25 } },
    { op: 'listMediationBoardCases', user, input: {} },
    { op: 'listMediationBoardCases', user, input: { phase: 'hearing_scheduled' } },
    { op: 'countMediationBoardPhaseCases', user, input: {} },
    { op: 'roCpeCollection', user, input: { limit: 25 } },
    { op: 'listActiveRoRequests', user, input: {} },
    { op: 'countNegotiationPhaseCases', user, input: {} },
  ]);
  const run = (c: Call) => callOperation(operationNamed(c.op)!, asUser(c.user, c.input));

  // 1. Reads beyond the documents returned, first pages and second pages.
  let extra = 0;
  let measured = 0;
  for (const c of calls) {
    resetOpCount();
    const out = (await run(c)) as { items?: unknown[]; nextCursor?: string | null };
    extra += opCount.reads - (out.items?.length ?? 0);
    measured += 1;
    if (out.nextCursor) {
      resetOpCount();
      const next = (await run({ ...c, input: { ...c.input, cursor: out.nextCursor } })) as { items: unknown[] };
      extra += opCount.reads - next.items.length;
      measured += 1;
    }
  }
  bench('api.extra_reads_per_call', extra / measured);
  bench('api.calls_counted', measured, 0);

  // 2. The same documents by plain Admin SDK queries: what any server reading them must do at least.
  const db = firestore();
  const scopeOf = (user: string) =>
    user.startsWith('drc') ? (['drcId', user] as const) : (['roId', `demo-${user}`] as const);
  const plain = async (c: Call): Promise<void> => {
    const [field, value] = scopeOf(c.user);
    const cases = db.collection(COL.cases).where(field, '==', value);
    const newest = (q: Query) => q.orderBy('updatedAt', 'desc').limit(25).get();
    switch (c.op) {
      case 'listActiveCustomerNegotiations':
        await newest(cases.where('status', 'in', ACTIVE_NEGOTIATION_STATUSES));
        return;
      case 'listDrcNegotiationCases':
        await newest(cases.where('status', 'in', NEGOTIATION_STATUSES));
        return;
      case 'listMediationBoardCases': {
        const board = cases.where('status', '==', 'MEDIATION_BOARD');
        const phase = c.input.phase as string | undefined;
        await newest(phase ? board.where('boardPhase', '==', phase) : board);
        return;
      }
      case 'countMediationBoardPhaseCases': {
        // The same two aggregation queries the API makes: a count and six phase-flag sums.
        const board = cases.where('status', '==', 'MEDIATION_BOARD');
        const [a, b, c, d, e, f] = BOARD_PHASES.filter((p) => p !== 'escalated').map((p) =>
          AggregateField.sum(boardPhaseFlag(p)),
        );
        await Promise.all([
          board.aggregate({ n: AggregateField.count(), a: a!, b: b!, c: c!, d: d! }).get(),
          board.aggregate({ n: AggregateField.count(), e: e!, f: f! }).get(),
        ]);
        return;
      }
      case 'roCpeCollection':
        await newest(cases.where('requiredAction', 'in', ['cpe', 'arrears_cpe']));
        return;
      case 'listActiveRoRequests':
        await db
          .collection('roRequests')
          .where(field, '==', value)
          .where('state', '==', 'pending')
          .where('caseClosed', '==', false)
          .orderBy('requestedAt', 'desc')
          .limit(25)
          .get();
        return;
      default:
        // The same aggregation query the API makes: a count and two phase-flag sums.
        await cases
          .where('status', 'in', NEGOTIATION_STATUSES)
          .aggregate({
            n: AggregateField.count(),
            negotiating: AggregateField.sum(negotiationPhaseFlag('negotiating')),
            settlement: AggregateField.sum(negotiationPhaseFlag('settlement')),
          })
          .get();
    }
  };

  async function underLoad(fn: (c: Call) => Promise<unknown>): Promise<number[]> {
    const samples: number[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let k = 0; k < CALLS_PER_CLIENT; k++) {
          const c = calls[(client * CALLS_PER_CLIENT + k) % calls.length]!;
          const started = performance.now();
          await fn(c);
          samples.push(performance.now() - started);
        }
      }),
    );
    return samples;
  }

  await underLoad(plain); // warm-up: connections, emulator caches
  const api: number[] = [];
  const base: number[] = [];
  // Alternated, so drift in the shared machine's load falls on both sides alike.
  for (let round = 0; round < 2; round++) {
    base.push(...(await underLoad(plain)));
    api.push(...(await underLoad(run)));
  }
  bench('api.p95_ratio.c195', p95(api) / p95(base));
  bench('api.p95_ms.c195', p95(api), 0);
  bench('api.baseline_p95_ms.c195', p95(base), 0);
  stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
