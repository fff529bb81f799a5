import { AggregateField, type Query } from 'firebase-admin/firestore';
import type { z } from 'zod';
import type { AGE_BUCKETS, dashboardOutput, performanceRow, STAGES as STAGE_NAMES } from '../domain/contracts/basket';
import { OPERATOR_ROLES, type Actor } from '../domain/model/roles';
import { DEFAULT_CASE_TYPE, latestCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { aggregateQuery, countQuery, readQuery } from '../data/ops';
import { basketQuery, type BasketFilterInput } from './basketQuery';

type AgeBucket = (typeof AGE_BUCKETS)[number];
type Stage = (typeof STAGE_NAMES)[number];
type PerformanceRow = z.input<typeof performanceRow>;
type DashboardOutput = z.input<typeof dashboardOutput>;

const STAGES: Record<Stage, string[]> = {
  intake: ['OPEN', 'DRC_ASSIGNED'],
  field: ['RO_ASSIGNED', 'NEGOTIATION', 'SETTLEMENT'],
  escalated: ['MEDIATION_BOARD', 'LEGAL'],
  closed: ['CLOSED_RECOVERED', 'WRITTEN_OFF', 'WITHDRAWN'],
};

const WEEKS = 8;
const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function count(q: Query | 'none'): Promise<number> {
  return q === 'none' ? 0 : countQuery(q);
}

/**
 * Cases, arrears placed and amounts collected in one aggregation query. Collected is every rupee received: the
 * payments the cases took plus the credits they hold (money received but not absorbed), each counted once.
 */
async function sums(q: Query | 'none'): Promise<{ cases: number; arrears: number; paid: number }> {
  if (q === 'none') return { cases: 0, arrears: 0, paid: 0 };
  const { cases, arrears, paid, credit } = await aggregateQuery(
    q,
    {
      cases: AggregateField.count(),
      arrears: AggregateField.sum('arrearsCents'),
      paid: AggregateField.sum('paidCents'),
      credit: AggregateField.sum('creditCents'),
    },
    (data) => data.cases,
  );
  return { cases, arrears: arrears ?? 0, paid: (paid ?? 0) + (credit ?? 0) };
}

const rate = (paid: number, arrears: number) => (arrears > 0 ? Math.round((paid / arrears) * 1000) / 1000 : 0);

async function performance(actor: Actor, id: string, name: string, filter: BasketFilterInput): Promise<PerformanceRow> {
  const [all, open, kept, broken] = await Promise.all([
    sums(basketQuery(actor, filter)),
    count(basketQuery(actor, filter, { tab: 'active' })),
    count(basketQuery(actor, filter, { counter: 'promisesKept' })),
    count(basketQuery(actor, filter, { counter: 'promisesBroken' })),
  ]);
  return {
    id,
    name,
    cases: all.cases,
    open,
    arrearsCents: all.arrears,
    collectedCents: all.paid,
    recoveryRate: rate(all.paid, all.arrears),
    promisesKept: kept,
    promisesBroken: broken,
  };
}

/**
 * The DRCs and ROs whose rows the caller sees, as the policy table lets them read DRCs and users: all for the
 * operator's staff, their own DRC's for a DRC admin, themselves for an RO. The returned-CPE desk and the
 * mediation board read neither directory, so they get the figures without performance rows by DRC or RO.
 */
async function people(actor: Actor): Promise<{ drcs: [string, string][]; ros: [string, string][] }> {
  if (actor.role === 'ro') return { drcs: [], ros: [[actor.uid, actor.displayName ?? actor.uid]] };
  if (!(OPERATOR_ROLES as readonly string[]).includes(actor.role) && actor.role !== 'drc_admin')
    return { drcs: [], ros: [] };
  let ros = firestore().collection(COL.users).where('role', '==', 'ro');
  if (actor.role === 'drc_admin') ros = ros.where('drcId', '==', actor.drcId ?? '');
  const [drcSnap, roSnap] = await Promise.all([readQuery(firestore().collection(COL.drcs)), readQuery(ros)]);
  return {
    drcs: drcSnap.docs
      .filter((d) => actor.role !== 'drc_admin' || d.id === actor.drcId)
      .map((d) => [d.id, String(d.get('name') ?? d.id)]),
    ros: roSnap.docs.map((d) => [d.id, String(d.get('displayName') ?? d.id)]),
  };
}

/**
 * The dashboard: counts by status and stage, totals, DRC and RO performance, ageing of open
 * cases and an 8-week trend, every figure a count() or sum() aggregation under the caller's scope, so the
 * cost follows the number of figures, not the number of cases (one read per 1,000 cases counted).
 */
export async function dashboardFiguresFor(actor: Actor): Promise<DashboardOutput> {
  const config = (await latestCaseType(DEFAULT_CASE_TYPE))!;
  const now = Date.now();
  const todayMs = Date.parse(`${day(now)}T00:00:00.000Z`);
  const buckets: { bucket: AgeBucket; from: number | null; to: number | null }[] = [
    { bucket: '0_30', from: 30, to: 0 },
    { bucket: '31_60', from: 60, to: 31 },
    { bucket: '61_90', from: 90, to: 61 },
    { bucket: '90plus', from: null, to: 91 },
  ];
  // Weeks start on Monday; the last one is the current week.
  const monday = todayMs - ((new Date(todayMs).getUTCDay() + 6) % 7) * DAY_MS;
  const weeks = Array.from({ length: WEEKS }, (_, i) => monday - (WEEKS - 1 - i) * 7 * DAY_MS);

  const [byStatus, totals, open, who, ageing, trend] = await Promise.all([
    Promise.all(config.statuses.map((s) => count(basketQuery(actor, { status: s.code })))),
    sums(basketQuery(actor, {})),
    count(basketQuery(actor, {}, { tab: 'active' })),
    people(actor),
    Promise.all(
      buckets.map(async (b) => {
        const openedFrom = b.from === null ? null : day(todayMs - b.from * DAY_MS);
        const openedTo = b.to === null ? null : day(todayMs - b.to * DAY_MS);
        const n = await count(basketQuery(actor, { openedFrom, openedTo }, { tab: 'active' }));
        return { bucket: b.bucket, count: n, openedFrom, openedTo };
      }),
    ),
    Promise.all(
      weeks.map(async (start) => {
        const from = new Date(start).toISOString();
        const to = new Date(start + 7 * DAY_MS).toISOString();
        const scoped = basketQuery(actor, {});
        const [opened, closed] = await Promise.all([
          count(scoped === 'none' ? 'none' : scoped.where('openedAt', '>=', from).where('openedAt', '<', to)),
          count(scoped === 'none' ? 'none' : scoped.where('closedAt', '>=', from).where('closedAt', '<', to)),
        ]);
        return { weekStart: day(start), opened, closed };
      }),
    ),
  ]);
  const [drcs, ros] = await Promise.all([
    Promise.all(who.drcs.map(([id, name]) => performance(actor, id, name, { drcId: id }))),
    Promise.all(who.ros.map(([id, name]) => performance(actor, id, name, { roId: id }))),
  ]);
  const statusRows = config.statuses.map((s, i) => ({
    status: s.code,
    label: s.label,
    labels: s.labels ?? null,
    count: byStatus[i]!,
  }));
  return {
    byStatus: statusRows,
    byStage: (Object.keys(STAGES) as Stage[]).map((stage) => ({
      stage,
      count: statusRows.filter((r) => STAGES[stage].includes(r.status)).reduce((n, r) => n + r.count, 0),
    })),
    totals: {
      cases: totals.cases,
      open,
      arrearsCents: totals.arrears,
      collectedCents: totals.paid,
      recoveryRate: rate(totals.paid, totals.arrears),
    },
    drcs,
    ros,
    ageing,
    trend,
  };
}
