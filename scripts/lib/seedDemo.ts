import { getAuth } from 'firebase-admin/auth';
import { DEMO_DRCS, DEMO_PASSWORD, DEMO_USERS } from '../../functions/src/demo/dataset';
import { NCOL } from '../../functions/src/services/notifications/store';
import { intBetween, pick, seededRandom } from '../../functions/src/demo/random';
import { demoSourceAccount } from '../../functions/src/demo/sourceAccounts';
import { COL, firestore } from '../../functions/src/data/db';
import { addDays, dateOf, type Instant } from '../../functions/src/domain/model/time';
import { needsArrears, needsCpe, type CaseState, type RequiredAction } from '../../functions/src/domain/model/case';
import { assignCaseToDrc } from '../../functions/src/services/assignDrc';
import { processRequest } from '../../functions/src/services/processRequest';
import { runDueMonitors } from '../../functions/src/services/monitorCases';
import { emitEvent } from '../../functions/src/services/notifications/emit';
import { caseFactsOf, eventsFromCaseAudit, type AuditLike } from '../../functions/src/domain/notifications/events';
import { demoSource } from '../../functions/src/sources/demoSource';

/**
 * Demo data for the local stacks, seeded idempotently: Auth users with their claims, DRCs and profiles,
 * and about 200 cases driven to their stages through the real services (the same code the triggers run),
 * each step at a past moment so ages and timelines look lived-in.
 */
export const DEMO_SEED_VERSION = 4;
export const DEMO_CASE_COUNT = 200;
/** A customer with three cases on one account (one closed), for the Customer 360 panel. */
export const DEMO_C360_ACCOUNT = '0077700360';

type Stage =
  | 'DRC_ASSIGNED'
  | 'RO_ASSIGNED'
  | 'NEGOTIATION'
  | 'SETTLEMENT'
  | 'MEDIATION_BOARD'
  | 'CLOSED_RECOVERED'
  | 'WRITTEN_OFF'
  | 'WITHDRAWN';
const STAGES: [Stage, number][] = [
  ['DRC_ASSIGNED', 14],
  ['RO_ASSIGNED', 14],
  ['NEGOTIATION', 22],
  ['SETTLEMENT', 20],
  ['MEDIATION_BOARD', 8],
  ['CLOSED_RECOVERED', 15],
  ['WRITTEN_OFF', 4],
  ['WITHDRAWN', 3],
];

export async function ensureAuthUsers(): Promise<number> {
  firestore(); // initialises the default app for this process
  const auth = getAuth();
  let created = 0;
  for (const u of DEMO_USERS) {
    try {
      await auth.getUser(u.uid);
    } catch {
      await auth.createUser({
        uid: u.uid,
        email: u.email,
        password: DEMO_PASSWORD,
        displayName: u.displayName,
        emailVerified: true,
      });
      created += 1;
    }
    await auth.setCustomUserClaims(u.uid, { role: u.role, ...(u.drcId ? { drcId: u.drcId } : {}) });
  }
  return created;
}

async function seedOrganisation(): Promise<void> {
  const db = firestore();
  const batch = db.batch();
  for (const { id, ...rest } of DEMO_DRCS)
    batch.set(db.collection(COL.drcs).doc(id), { ...rest, openCases: 0, lastAssignedAt: null });
  for (const u of DEMO_USERS) {
    batch.set(db.collection(COL.users).doc(u.uid), {
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      drcId: u.drcId,
      active: true,
    });
  }
  // Field staff get SMS on a (fake, local) number and no quiet hours, so a demo at any hour shows every channel;
  // everyone else keeps the defaults (in-app and email, quiet 21:00-07:00).
  DEMO_USERS.filter((u) => u.role === 'ro' || u.role === 'drc_admin').forEach((u, i) => {
    batch.set(db.collection(NCOL.prefs).doc(u.uid), {
      phone: `+9477${String(1000000 + i).padStart(7, '0')}`,
      quietHours: null,
    });
  });
  await batch.commit();
}

let seq = 0;
async function act(
  userKey: string,
  at: Instant,
  type: string,
  caseId: string | null,
  payload: Record<string, unknown>,
  /** Ids of their own for added steps, so the numbered ids (and the case ids made from them) stay as they were. */
  ownId?: string,
): Promise<string | null> {
  const id = ownId ?? `seed-${String(++seq).padStart(5, '0')}`;
  const doc = {
    type,
    caseId,
    payload,
    clientRequestId: id,
    createdBy: `demo-${userKey}`,
    createdAt: at,
    state: 'PENDING',
    error: null,
    appliedAt: null,
  };
  await firestore().collection(COL.requests).doc(id).set(doc);
  await processRequest(id, doc, { source: demoSource, now: () => at }, `seed-event-${id}`);
  const after = await firestore().collection(COL.requests).doc(id).get();
  if (after.get('state') !== 'APPLIED') {
    throw new Error(
      `demo step ${type} ${JSON.stringify(payload)} was ${after.get('state')}: ${JSON.stringify(after.get('error'))}`,
    );
  }
  return (after.get('caseId') as string | null) ?? null;
}

async function caseNow(caseId: string): Promise<CaseState> {
  return (await firestore().collection(COL.cases).doc(caseId).get()).data() as CaseState;
}

function pickStage(rand: () => number): Stage {
  const total = STAGES.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [stage, weight] of STAGES) if ((r -= weight) < 0) return stage;
  return 'NEGOTIATION';
}

/** Stages whose placement runs out when its validity period (60 days in the telecom life cycle) ends unextended. */
const VALIDITY_STAGES: ReadonlySet<Stage> = new Set(['RO_ASSIGNED', 'NEGOTIATION', 'SETTLEMENT']);

/**
 * How many days ago the case came in. A DRC working a case renews or extends it before its validity ends, so an
 * open placement of the demo is younger than the period (12 to 50 days), except one case in ten: those show a
 * lapsed placement returned to the recovery section, or one held by an extension request that waits (every fifth
 * negotiation asks for one). Mapping the drawn age, rather than drawing again, keeps every other demo case as it was.
 */
function withinValidity(stage: Stage, i: number, drawnDays: number): number {
  if (!VALIDITY_STAGES.has(stage) || i % 20 === 0 || i % 20 === 7) return drawnDays;
  return 12 + Math.round(((drawnDays - 12) * (50 - 12)) / (150 - 12));
}

async function seedCase(i: number, rand: () => number, realNow: number): Promise<void> {
  const action: RequiredAction = pick(rand, ['arrears', 'arrears', 'cpe', 'arrears_cpe'] as const);
  let accountNumber: string;
  do accountNumber = `00${String(intBetween(rand, 10_000_000, 99_999_999))}`;
  while (!demoSourceAccount(accountNumber));
  let stage = pickStage(rand);
  if (stage === 'SETTLEMENT' && !needsArrears(action)) stage = 'NEGOTIATION';
  const age = withinValidity(stage, i, intBetween(rand, 12, 150));
  let t = new Date(realNow - age * 86_400_000 - i * 60_000).toISOString();
  // Steps are spaced out in the past but never pass the present.
  const latest = new Date(realNow - (DEMO_CASE_COUNT - i) * 1000).toISOString();
  const step = (days: number) => {
    const next = addDays(t, days + rand());
    t = next < latest ? next : addDays(t, Math.max(0, (Date.parse(latest) - Date.parse(t)) / 86_400_000 / 4));
    return t;
  };
  const caseId = (await act('officer', t, 'registerCase', null, { accountNumber, requiredAction: action }))!;
  await assignCaseToDrc(caseId, addDays(t, 0.02), `seed-assign-${caseId}`);
  let c = await caseNow(caseId);
  if (stage === 'DRC_ASSIGNED' || !c.drcId) return;
  const drcAdmin = c.drcId;
  const ros = DEMO_USERS.filter((u) => u.role === 'ro' && u.drcId === c.drcId);
  const ro = ros[i % ros.length]!;
  const roKey = ro.uid.replace('demo-', '');
  await act(drcAdmin, step(1), 'caseAction', caseId, {
    action: 'assignRo',
    result: 'assigned',
    inputs: { roId: ro.uid },
  });
  if (stage === 'RO_ASSIGNED') return;
  if (stage === 'WITHDRAWN') {
    await act('officer', step(2), 'manualTransition', caseId, {
      to: 'WITHDRAWN',
      reason: 'Paid at a regional office before contact',
    });
    return;
  }
  await act(roKey, step(2), 'caseAction', caseId, {
    action: 'recordContact',
    result: pick(rand, ['no_answer', 'call_back', 'refused'] as const),
    inputs: {
      channel: pick(rand, ['phone', 'visit'] as const),
      notes: 'First contact attempt',
      nextFollowUpOn: dateOf(addDays(t, 7)),
    },
  });
  if (stage === 'NEGOTIATION' && needsCpe(action) && rand() < 0.5) {
    c = await caseNow(caseId);
    await act(roKey, step(1), 'caseAction', caseId, {
      action: 'recordCpeCollection',
      result: 'collected',
      inputs: { itemId: c.cpe[0]!.itemId, condition: 'Working, with power adapter' },
    });
  }
  // Field work without drawing on `rand`, so every other demo case stays as it was.
  const soon = () => (t = addDays(t, 0.05) < latest ? addDays(t, 0.05) : latest);
  if (stage === 'NEGOTIATION') {
    if (i % 5 === 0) {
      await act(
        roKey,
        soon(),
        'caseAction',
        caseId,
        {
          action: 'roRequest',
          result: 'validity_extension',
          inputs: { reason: 'Customer abroad until next month', days: 21 },
        },
        `seed-fw-${caseId}-ext`,
      );
    }
    return;
  }
  if (stage === 'MEDIATION_BOARD') {
    await act(roKey, step(5), 'caseAction', caseId, {
      action: 'escalate',
      result: 'escalated',
      inputs: { notes: 'Customer refuses to pay or return equipment' },
    });
    if (i % 2 === 0) {
      await act(
        roKey,
        soon(),
        'caseAction',
        caseId,
        {
          action: 'roRequest',
          result: 'board_letter',
          inputs: { reason: 'Negotiation failed after repeated visits' },
        },
        `seed-fw-${caseId}-letter`,
      );
      if (i % 4 === 0) {
        const requestId = (await caseNow(caseId)).roRequests.find((r) => r.kind === 'board_letter')!.id;
        await act(
          'supervisor',
          soon(),
          'caseAction',
          caseId,
          { action: 'decideRoRequest', result: 'approved', inputs: { requestId } },
          `seed-fw-${caseId}-letter-ok`,
        );
        const hearingDate = dateOf(new Date(realNow + 14 * 86_400_000).toISOString());
        await act(
          'board',
          soon(),
          'caseAction',
          caseId,
          { action: 'scheduleHearing', result: 'scheduled', inputs: { hearingDate, hearingPlace: 'Colombo' } },
          `seed-fw-${caseId}-hearing`,
        );
      }
    }
    return;
  }
  if (stage === 'WRITTEN_OFF') {
    await act('supervisor', step(20), 'manualTransition', caseId, {
      to: 'WRITTEN_OFF',
      reason: 'Customer deceased; no estate',
    });
    return;
  }
  c = await caseNow(caseId);
  if (needsArrears(action)) {
    const agreed = Math.ceil((c.arrearsCents * (0.92 + rand() * 0.08)) / 100) * 100;
    const instalments = stage === 'CLOSED_RECOVERED' ? 1 : intBetween(rand, 2, 4);
    const at = step(3);
    await act(roKey, at, 'caseAction', caseId, {
      action: 'recordContact',
      result: 'settlement_agreed',
      inputs: {
        channel: 'visit',
        notes: 'Settlement agreed',
        agreedCents: Math.min(agreed, c.arrearsCents),
        instalments,
        firstDueDate: dateOf(addDays(at, 7)),
      },
    });
    c = await caseNow(caseId);
    const toPay =
      stage === 'CLOSED_RECOVERED'
        ? c.settlement!.instalments
        : c.settlement!.instalments.slice(0, intBetween(rand, 0, 1));
    for (const inst of toPay) {
      const paidAt = step(5);
      if (Date.parse(paidAt) > realNow) break;
      await act(roKey, paidAt, 'caseAction', caseId, {
        action: 'recordPayment',
        result: 'received',
        inputs: {
          amountCents: inst.amountCents,
          paidOn: dateOf(paidAt),
          method: pick(rand, ['cash', 'bank_transfer', 'online'] as const),
          reference: `RCPT-${caseId.slice(0, 10)}-${inst.seq}`,
        },
      });
    }
  }
  if (stage === 'CLOSED_RECOVERED' && needsCpe(action)) {
    for (const item of c.cpe) {
      await act(roKey, step(1), 'caseAction', caseId, {
        action: 'recordCpeCollection',
        result: 'collected',
        inputs: { itemId: item.itemId, condition: 'Good' },
      });
      await act('rcmp', step(1), 'caseAction', caseId, {
        action: 'decideCpe',
        result: 'decided',
        inputs: { itemId: item.itemId, approved: true },
      });
    }
  }
}

/** How many of the newest case changes the demo notifies about, so the bells and inboxes are not empty. */
const DEMO_NOTIFIED_CHANGES = 60;

/**
 * The relay notifies only what happens after it starts; the demo's own history is notified here with the
 * functions the audit trigger runs (events from the audit change, emitted to inboxes and the outbox). Follow-up
 * schedules are left to later changes, so the first scheduled tick does not have a backlog of reminders.
 */
async function notifyRecentChanges(count: number): Promise<number> {
  const recent = await firestore()
    .collection(COL.audit)
    .orderBy('at', 'desc')
    .limit(count * 3)
    .get();
  const changes = recent.docs.filter((d) => String(d.get('entity')).startsWith('cases/')).slice(0, count);
  let events = 0;
  const now = new Date().toISOString();
  for (const d of changes.reverse()) {
    const audit = { ...(d.data() as Omit<AuditLike, 'id'>), id: d.id };
    const c = await caseNow(audit.entity.slice('cases/'.length));
    for (const event of eventsFromCaseAudit(audit, caseFactsOf(c))) {
      if ((await emitEvent(event, now)).outcome === 'emitted') events += 1;
    }
  }
  return events;
}

/**
 * The Customer 360 demo: an arrears case withdrawn months ago, then a new arrears case in negotiation (its
 * contact details corrected) and a CPE case whose router is collected and waits for the RCMP desk. Own
 * request ids and no `rand`, so every other demo case stays as it was.
 */
async function seedCustomer360(realNow: number): Promise<void> {
  const ago = (days: number) => new Date(realNow - days * 86_400_000).toISOString();
  // A new case's id ends with the last 6 characters of its request id: the registrations' ids differ there.
  const id = (step: string) => `seed-c360-${step}`;
  const placed = async (action: RequiredAction, days: number, tag: string) => {
    const caseId = (await act(
      'officer',
      ago(days),
      'registerCase',
      null,
      { accountNumber: DEMO_C360_ACCOUNT, requiredAction: action },
      id(tag),
    ))!;
    await assignCaseToDrc(caseId, ago(days - 0.02), `seed-assign-${caseId}`);
    const c = await caseNow(caseId);
    const ro = DEMO_USERS.find((u) => u.role === 'ro' && u.drcId === c.drcId)!;
    const roKey = ro.uid.replace('demo-', '');
    await act(
      c.drcId!,
      ago(days - 1),
      'caseAction',
      caseId,
      {
        action: 'assignRo',
        result: 'assigned',
        inputs: { roId: ro.uid },
      },
      id(`${tag}-ro`),
    );
    return { caseId, roKey };
  };
  const old = await placed('arrears', 160, 'r1');
  await act(
    'officer',
    ago(150),
    'manualTransition',
    old.caseId,
    {
      to: 'WITHDRAWN',
      reason: 'Paid at a regional office before contact',
    },
    id('old-withdrawn'),
  );

  const arrears = await placed('arrears', 40, 'r2');
  await act(
    arrears.roKey,
    ago(37),
    'caseAction',
    arrears.caseId,
    {
      action: 'recordContact',
      result: 'call_back',
      inputs: { channel: 'phone', notes: 'Asked to call back after payday', nextFollowUpOn: dateOf(ago(-5)) },
    },
    id('arrears-contact'),
  );
  await act(
    arrears.roKey,
    ago(30),
    'caseAction',
    arrears.caseId,
    {
      action: 'updateContacts',
      result: 'updated',
      inputs: {
        altPhone: '+94712345360',
        email: 'c360.customer@example.lk',
        reason: 'Given by the customer on a visit',
      },
    },
    id('arrears-contacts'),
  );

  const cpe = await placed('cpe', 30, 'r3');
  const item = (await caseNow(cpe.caseId)).cpe[0]!;
  await act(
    cpe.roKey,
    ago(28),
    'caseAction',
    cpe.caseId,
    {
      action: 'recordContact',
      result: 'call_back',
      inputs: { channel: 'visit', notes: 'Agreed to hand back the router' },
    },
    id('cpe-contact'),
  );
  await act(
    cpe.roKey,
    ago(27),
    'caseAction',
    cpe.caseId,
    {
      action: 'recordCpeCollection',
      result: 'collected',
      inputs: { itemId: item.itemId, condition: 'Working, with power adapter' },
    },
    id('cpe-collected'),
  );
}

/** Seeds Firestore unless this version of the demo data is already there. Returns what it did. */
export async function seedDemoData(log: (line: string) => void = () => {}): Promise<'seeded' | 'already seeded'> {
  const marker = firestore().collection(COL.meta).doc('demoSeed');
  if ((await marker.get()).get('version') === DEMO_SEED_VERSION) return 'already seeded';
  await seedOrganisation();
  const rand = seededRandom(20261123);
  const realNow = Date.now();
  for (let i = 0; i < DEMO_CASE_COUNT; i++) {
    await seedCase(i, rand, realNow);
    if ((i + 1) % 50 === 0) log(`seeded ${i + 1}/${DEMO_CASE_COUNT} cases`);
  }
  await seedCustomer360(realNow);
  // Bring the demo up to date, as the scheduled monitor would have: overdue to-dos raised, expiries applied.
  const caughtUp = await runDueMonitors(new Date().toISOString());
  log(`monitors caught up: ${caughtUp.changed} case(s) changed`);
  log(`notifications: ${await notifyRecentChanges(DEMO_NOTIFIED_CHANGES)} from the latest case changes`);
  await marker.set({ version: DEMO_SEED_VERSION, at: new Date().toISOString(), cases: DEMO_CASE_COUNT });
  return 'seeded';
}
