import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { doc, getDoc, setDoc, updateDoc, collection, addDoc } from 'firebase/firestore';
import { makeRuleCases } from './policyCases';

/**
 * firestore.rules, evaluated by the official Firestore emulator (full stack only: Java 21+).
 * Elsewhere each case is reported as not run, by name.
 */
const official = process.env.DEBTX_FIRESTORE_KIND === 'official';
const suite = official ? describe : describe.skip;
const { allow, deny } = makeRuleCases(it, assertSucceeds, assertFails);

let env: RulesTestEnvironment;
const claims = {
  admin: { role: 'admin' },
  officer: { role: 'recovery_officer' },
  auditor: { role: 'auditor' },
  drc1: { role: 'drc_admin', drcId: 'drc1' },
  drc2: { role: 'drc_admin', drcId: 'drc2' },
  ro1: { role: 'ro', drcId: 'drc1' },
  ro2: { role: 'ro', drcId: 'drc1' },
  rcmp: { role: 'rcmp' },
  board: { role: 'mediation_board' },
} as const;
type Who = keyof typeof claims;
const db = (who: Who) => env.authenticatedContext(`u-${who}`, claims[who]).firestore();
/** ro1 after being moved to drc2, with a fresh token carrying the new DRC. */
const movedRo1 = () => env.authenticatedContext('u-ro1', { role: 'ro', drcId: 'drc2' }).firestore();
const anon = () => env.unauthenticatedContext().firestore();

const arrearsCase = { drcId: 'drc1', roId: 'u-ro1', requiredAction: 'arrears', status: 'NEGOTIATION' };
const cpeCase = { drcId: 'drc2', roId: null, requiredAction: 'cpe', status: 'DRC_ASSIGNED' };
const boardCase = { drcId: 'drc1', roId: 'u-ro1', requiredAction: 'arrears', status: 'MEDIATION_BOARD' };
const request = (who: Who, type: string, caseId: string | null, id: string) => ({
  type,
  caseId,
  payload: {},
  clientRequestId: id,
  createdBy: `u-${who}`,
  createdAt: '2026-11-23T00:00:00.000Z',
  state: 'PENDING',
});

suite('firestore.rules', () => {
  beforeAll(async () => {
    const [host, port] = (process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080').split(':');
    env = await initializeTestEnvironment({
      projectId: 'demo-rules',
      firestore: {
        rules: readFileSync(join(__dirname, '..', '..', '..', 'firestore.rules'), 'utf8'),
        host,
        port: Number(port),
      },
    });
    await env.withSecurityRulesDisabled(async (ctx) => {
      const f = ctx.firestore();
      await setDoc(doc(f, 'cases/a1'), arrearsCase);
      await setDoc(doc(f, 'cases/c1'), cpeCase);
      await setDoc(doc(f, 'cases/b1'), boardCase);
      await setDoc(doc(f, 'audit/cases~a1~00000001'), { entity: 'cases/a1', seq: 1 });
      await setDoc(doc(f, 'requests/r-ro1'), request('ro1', 'caseAction', 'a1', 'r-ro1'));
      // Every signed-in test user has a live profile that says what their claims say.
      for (const [who, c] of Object.entries(claims)) {
        await setDoc(doc(f, `users/u-${who}`), { role: c.role, drcId: 'drcId' in c ? c.drcId : null, active: true });
      }
      await setDoc(doc(f, 'users/u-ro3'), { role: 'ro', drcId: 'drc2', active: true });
      await setDoc(doc(f, 'users/u-gone'), { role: 'ro', drcId: 'drc1', active: false });
      await setDoc(doc(f, 'users/u-demoted'), { role: 'rcmp', drcId: null, active: true });
      await setDoc(doc(f, 'drcs/drc1'), { name: 'DRC 1' });
      await setDoc(doc(f, 'drcs/drc2'), { name: 'DRC 2' });
      await setDoc(doc(f, 'caseTypes/debtx_telco@1'), { id: 'debtx_telco' });
      await setDoc(doc(f, 'openCases/x'), { caseId: 'a1' });
      await setDoc(doc(f, 'meta/demoSeed'), { version: 1 });
      await setDoc(doc(f, 'roRequests/rr1'), {
        caseId: 'a1',
        roId: 'u-ro1',
        caseRoId: 'u-ro1',
        drcId: 'drc1',
        state: 'pending',
      });
      // ro1 asked, then the case was given to ro2.
      await setDoc(doc(f, 'roRequests/rr-taken'), {
        caseId: 'a9',
        roId: 'u-ro1',
        caseRoId: 'u-ro2',
        drcId: 'drc1',
        state: 'pending',
      });
      await setDoc(doc(f, 'inbox/n1'), {
        uid: 'u-ro1',
        kind: 'assigned',
        unread: true,
        createdAt: '2026-11-23T00:00:00.000Z',
      });
      await setDoc(doc(f, 'notificationPrefs/u-ro1'), { phone: '+94770000001' });
      await setDoc(doc(f, 'notifications/m1'), { channel: 'sms', to: '+94770000001', state: 'PENDING' });
      await setDoc(doc(f, 'approvals/ap1'), {
        caseId: 'a1',
        makerUid: 'u-ro1',
        roId: 'u-ro1',
        drcId: 'drc1',
        state: 'pending',
      });
      await setDoc(doc(f, 'settings/assignmentPolicy'), { version: 1, performanceBand: 0.1 });
      await setDoc(doc(f, 'bulkOps/op-1'), { kind: 'recall', createdBy: 'u-officer' });
    });
  });
  afterAll(async () => env?.cleanup());

  allow('cases.read.operators', 'an officer reading any case', () => getDoc(doc(db('officer'), 'cases/c1')));
  allow('cases.read.operators', 'an auditor reading any case', () => getDoc(doc(db('auditor'), 'cases/a1')));
  deny('cases.read.operators', 'an anonymous reader', () => getDoc(doc(anon(), 'cases/a1')));
  allow('cases.read.drcAdmin', 'a DRC admin reading their DRC’s case', () => getDoc(doc(db('drc1'), 'cases/a1')));
  deny('cases.read.drcAdmin', 'a DRC admin reading another DRC’s case', () => getDoc(doc(db('drc2'), 'cases/a1')));
  allow('cases.read.ro', 'an RO reading their case', () => getDoc(doc(db('ro1'), 'cases/a1')));
  deny('cases.read.ro', 'an RO reading a colleague’s case', () => getDoc(doc(db('ro2'), 'cases/a1')));
  deny('cases.read.ro', 'an RO moved to another DRC reading the old DRC’s case still naming them', () =>
    getDoc(doc(movedRo1(), 'cases/a1')),
  );
  deny('cases.read.ro', 'a disabled RO whose ID token has not expired yet', () =>
    getDoc(doc(env.authenticatedContext('u-gone', { role: 'ro', drcId: 'drc1' }).firestore(), 'cases/a1')),
  );
  deny('cases.read.operators', 'a token still claiming a role its user no longer has', () =>
    getDoc(doc(env.authenticatedContext('u-demoted', { role: 'recovery_officer' }).firestore(), 'cases/a1')),
  );
  deny('cases.read.operators', 'a signed-in user with no DebtX profile', () =>
    getDoc(doc(env.authenticatedContext('u-stranger', { role: 'recovery_officer' }).firestore(), 'cases/a1')),
  );
  allow('cases.read.rcmp', 'RCMP reading a CPE case', () => getDoc(doc(db('rcmp'), 'cases/c1')));
  deny('cases.read.rcmp', 'RCMP reading an arrears-only case', () => getDoc(doc(db('rcmp'), 'cases/a1')));
  allow('cases.read.board', 'the board reading a case before it', () => getDoc(doc(db('board'), 'cases/b1')));
  deny('cases.read.board', 'the board reading a case in negotiation', () => getDoc(doc(db('board'), 'cases/a1')));
  deny('cases.write.none', 'an officer changing a case’s status', () =>
    updateDoc(doc(db('officer'), 'cases/a1'), { status: 'CLOSED_RECOVERED' }),
  );
  deny('cases.write.none', 'an RO changing their case’s amounts', () =>
    updateDoc(doc(db('ro1'), 'cases/a1'), { paidCents: 1 }),
  );

  allow('requests.create.register', 'an officer registering a case', () =>
    setDoc(doc(db('officer'), 'requests/reg-1'), request('officer', 'registerCase', null, 'reg-1')),
  );
  deny('requests.create.register', 'an RO registering a case', () =>
    setDoc(doc(db('ro1'), 'requests/reg-2'), request('ro1', 'registerCase', null, 'reg-2')),
  );
  deny('requests.create.register', 'a request on someone else’s behalf', () =>
    setDoc(doc(db('officer'), 'requests/reg-3'), request('auditor', 'registerCase', null, 'reg-3')),
  );
  deny('requests.create.register', 'a request already marked applied', () =>
    setDoc(doc(db('officer'), 'requests/reg-4'), {
      ...request('officer', 'registerCase', null, 'reg-4'),
      state: 'APPLIED',
    }),
  );
  deny('requests.create.register', 'a request with a stray field', () =>
    setDoc(doc(db('officer'), 'requests/reg-5'), {
      ...request('officer', 'registerCase', null, 'reg-5'),
      status: 'CLOSED',
    }),
  );
  allow('requests.create.caseAction', 'an RO acting on their case', () =>
    setDoc(doc(db('ro1'), 'requests/act-1'), request('ro1', 'caseAction', 'a1', 'act-1')),
  );
  deny('requests.create.caseAction', 'an RO acting on a case not theirs', () =>
    setDoc(doc(db('ro2'), 'requests/act-2'), request('ro2', 'caseAction', 'a1', 'act-2')),
  );
  // The request id is the idempotency key: a second write under it (another body, same user) is an update, refused.
  deny('requests.create.caseAction', 'a second write under an existing request id', () =>
    setDoc(doc(db('ro1'), 'requests/r-ro1'), { ...request('ro1', 'caseAction', 'a1', 'r-ro1'), payload: { again: 1 } }),
  );
  deny('requests.create.caseAction', 'an auditor acting at all', () =>
    addDoc(collection(db('auditor'), 'requests'), request('auditor', 'caseAction', 'a1', 'x')),
  );
  deny('requests.create.caseAction', 'an auditor completing a to-do', () =>
    setDoc(doc(db('auditor'), 'requests/aud-1'), request('auditor', 'completeTask', 'a1', 'aud-1')),
  );
  deny('requests.create.caseAction', 'an administrator acting on a case', () =>
    setDoc(doc(db('admin'), 'requests/adm-1'), request('admin', 'caseAction', 'a1', 'adm-1')),
  );
  deny('requests.create.caseAction', 'an administrator completing a to-do', () =>
    setDoc(doc(db('admin'), 'requests/adm-2'), request('admin', 'completeTask', 'a1', 'adm-2')),
  );
  deny('requests.create.caseAction', 'a moved RO acting on the old DRC’s case', () =>
    setDoc(doc(movedRo1(), 'requests/act-3'), { ...request('ro1', 'caseAction', 'a1', 'act-3') }),
  );
  allow('requests.read.own', 'an RO following their request', () => getDoc(doc(db('ro1'), 'requests/r-ro1')));
  deny('requests.read.own', 'another RO reading it', () => getDoc(doc(db('ro2'), 'requests/r-ro1')));
  allow('requests.read.auditor', 'an auditor reading any request', () => getDoc(doc(db('auditor'), 'requests/r-ro1')));
  deny('requests.update.none', 'an RO marking their request applied', () =>
    updateDoc(doc(db('ro1'), 'requests/r-ro1'), { state: 'APPLIED' }),
  );

  allow('audit.read.operators', 'an auditor reading the trail', () =>
    getDoc(doc(db('auditor'), 'audit/cases~a1~00000001')),
  );
  allow('audit.read.scoped', 'an RO reading their case’s timeline', () =>
    getDoc(doc(db('ro1'), 'audit/cases~a1~00000001')),
  );
  deny('audit.read.scoped', 'a DRC admin reading another DRC’s timeline', () =>
    getDoc(doc(db('drc2'), 'audit/cases~a1~00000001')),
  );
  deny('audit.write.none', 'an admin-level officer writing to the trail', () =>
    setDoc(doc(db('officer'), 'audit/forged'), { entity: 'cases/a1' }),
  );
  deny('audit.write.none', 'an auditor editing an event', () =>
    updateDoc(doc(db('auditor'), 'audit/cases~a1~00000001'), { seq: 2 }),
  );

  allow('users.read.self', 'an RO reading their own profile', () => getDoc(doc(db('ro1'), 'users/u-ro1')));
  deny('users.read.self', 'an RO reading another profile', () => getDoc(doc(db('ro1'), 'users/u-ro3')));
  allow('users.read.operators', 'an officer reading profiles', () => getDoc(doc(db('officer'), 'users/u-ro3')));
  allow('users.read.drcAdmin', 'a DRC admin reading their RO', () => getDoc(doc(db('drc1'), 'users/u-ro1')));
  deny('users.read.drcAdmin', 'a DRC admin reading another DRC’s RO', () => getDoc(doc(db('drc1'), 'users/u-ro3')));
  deny('users.write.none', 'an RO promoting themselves', () =>
    updateDoc(doc(db('ro1'), 'users/u-ro1'), { role: 'admin' }),
  );

  allow('drcs.read.operators', 'an officer reading any DRC', () => getDoc(doc(db('officer'), 'drcs/drc2')));
  deny('drcs.read.operators', 'an anonymous reader', () => getDoc(doc(anon(), 'drcs/drc1')));
  deny('drcs.read.operators', 'RCMP reading a DRC', () => getDoc(doc(db('rcmp'), 'drcs/drc1')));
  deny('drcs.read.operators', 'the board reading a DRC', () => getDoc(doc(db('board'), 'drcs/drc1')));
  deny('drcs.read.operators', 'an RO reading a DRC’s terms', () => getDoc(doc(db('ro1'), 'drcs/drc1')));
  allow('drcs.read.drcAdmin', 'a DRC admin reading their own DRC', () => getDoc(doc(db('drc1'), 'drcs/drc1')));
  deny('drcs.read.drcAdmin', 'a DRC admin reading a competitor’s terms', () => getDoc(doc(db('drc1'), 'drcs/drc2')));
  allow('caseTypes.read.signedIn', 'an RO reading a configuration', () =>
    getDoc(doc(db('ro1'), 'caseTypes/debtx_telco@1')),
  );
  deny('caseTypes.write.none', 'an officer changing a configuration', () =>
    updateDoc(doc(db('officer'), 'caseTypes/debtx_telco@1'), { id: 'x' }),
  );

  allow('roRequests.read.operators', 'an officer reading an RO request', () =>
    getDoc(doc(db('officer'), 'roRequests/rr1')),
  );
  deny('roRequests.read.operators', 'RCMP reading an RO request', () => getDoc(doc(db('rcmp'), 'roRequests/rr1')));
  allow('roRequests.read.ro', 'an RO reading their own request', () => getDoc(doc(db('ro1'), 'roRequests/rr1')));
  deny('roRequests.read.ro', 'an RO reading a colleague’s request', () => getDoc(doc(db('ro2'), 'roRequests/rr1')));
  deny('roRequests.read.ro', 'an RO reading their request on a case taken from them', () =>
    getDoc(doc(db('ro1'), 'roRequests/rr-taken')),
  );
  deny('roRequests.read.ro', 'a moved RO reading their request on the old DRC’s case', () =>
    getDoc(doc(movedRo1(), 'roRequests/rr1')),
  );
  allow('roRequests.read.drcAdmin', 'a DRC admin reading their RO’s request', () =>
    getDoc(doc(db('drc1'), 'roRequests/rr1')),
  );
  deny('roRequests.read.drcAdmin', 'a DRC admin reading another DRC’s request', () =>
    getDoc(doc(db('drc2'), 'roRequests/rr1')),
  );
  deny('roRequests.write.none', 'an RO approving their own request', () =>
    updateDoc(doc(db('ro1'), 'roRequests/rr1'), { state: 'approved' }),
  );
  deny('roRequests.write.none', 'an officer creating a request mirror', () =>
    setDoc(doc(db('officer'), 'roRequests/rr2'), { roId: 'u-ro1', state: 'approved' }),
  );
  allow('approvals.read.operators', 'a supervisor-side officer reading an approval', () =>
    getDoc(doc(db('officer'), 'approvals/ap1')),
  );
  deny('approvals.read.operators', 'the board reading an approval', () => getDoc(doc(db('board'), 'approvals/ap1')));
  allow('approvals.read.maker', 'the maker reading their proposal', () => getDoc(doc(db('ro1'), 'approvals/ap1')));
  deny('approvals.read.maker', 'another RO reading it', () => getDoc(doc(db('ro2'), 'approvals/ap1')));
  deny('approvals.read.maker', 'the maker after moving to another DRC', () => getDoc(doc(movedRo1(), 'approvals/ap1')));
  deny('approvals.write.none', 'the maker approving their own proposal', () =>
    updateDoc(doc(db('ro1'), 'approvals/ap1'), { state: 'approved' }),
  );
  deny('openCases.none', 'an officer reading duplicate keys', () => getDoc(doc(db('officer'), 'openCases/x')));
  deny('meta.none', 'an auditor reading internal markers', () => getDoc(doc(db('auditor'), 'meta/demoSeed')));

  allow('settings.read.operators', 'an officer reading the assignment policy', () =>
    getDoc(doc(db('officer'), 'settings/assignmentPolicy')),
  );
  deny('settings.read.operators', 'a DRC admin reading the assignment policy', () =>
    getDoc(doc(db('drc1'), 'settings/assignmentPolicy')),
  );
  deny('settings.write.none', 'an officer changing the policy directly', () =>
    updateDoc(doc(db('officer'), 'settings/assignmentPolicy'), { performanceBand: 1 }),
  );
  deny('bulkOps.none', 'even its creator reading a bulk operation directly', () =>
    getDoc(doc(db('officer'), 'bulkOps/op-1')),
  );
  deny('bulkOps.none', 'a DRC admin forging a bulk operation', () =>
    setDoc(doc(db('drc1'), 'bulkOps/op-2'), { kind: 'recall' }),
  );

  allow('inbox.read.own', 'an RO reading their own notification', () => getDoc(doc(db('ro1'), 'inbox/n1')));
  deny('inbox.read.own', 'another RO reading it', () => getDoc(doc(db('ro2'), 'inbox/n1')));
  deny('inbox.read.own', 'an officer reading someone else’s notification', () =>
    getDoc(doc(db('officer'), 'inbox/n1')),
  );
  deny('inbox.write.none', 'the owner marking it read directly', () =>
    updateDoc(doc(db('ro1'), 'inbox/n1'), { unread: false }),
  );
  deny('notificationPrefs.none', 'the owner reading their preferences directly', () =>
    getDoc(doc(db('ro1'), 'notificationPrefs/u-ro1')),
  );
  deny('notificationPrefs.none', 'the owner writing preferences directly', () =>
    setDoc(doc(db('ro1'), 'notificationPrefs/u-ro1'), { phone: '+94770000002' }),
  );
  deny('notifications.none', 'an officer reading the outbound queue', () =>
    getDoc(doc(db('officer'), 'notifications/m1')),
  );
  deny('notifications.none', 'anyone queueing a message directly', () =>
    setDoc(doc(db('officer'), 'notifications/m2'), { channel: 'sms', to: '+94770000009' }),
  );
});
