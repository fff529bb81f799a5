import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../functions/src/data/db';
import type { RoRequestDoc } from '../../functions/src/domain/requests/mirrors';
import type { CaseState } from '../../functions/src/domain/model/case';
import { NCOL } from '../../functions/src/services/notifications/store';
import { dotenv } from '../lib/localSources';
import { PROJECT_ID, stackPorts } from '../lib/ports';
import { expectAccessible, expectNoSidewaysScroll } from './axe';
import { eventually } from '../lib/eventually';
import type { E2eTest } from './runBrowserTests';

const sinkUrl = () => dotenv('.env.local').TWILIO_BASE_URL!;

async function idToken(user: string): Promise<string> {
  const res = await fetch(
    `http://127.0.0.1:${stackPorts().auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=local`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${user}@demo.debtx`, password: 'debtx-demo', returnSecureToken: true }),
    },
  );
  return ((await res.json()) as { idToken: string }).idToken;
}

/** Notifications on the running stack: routing as configuration, and a decision that reaches the RO by SMS. */
export const notificationsEndToEnd: E2eTest[] = [
  {
    name: 'an officer approves an RO’s request and the RO is texted through the fake Twilio, its delivery confirmed by a signed callback',
    run: async () => {
      const pending = await firestore()
        .collection(COL.roRequests)
        .where('roId', '==', 'demo-ro1')
        .where('state', '==', 'pending')
        .get();
      const request = pending.docs.map((d) => d.data() as RoRequestDoc).find((r) => !r.caseClosed);
      assert.ok(request, 'a pending request of ro1 in the demo data');
      const c = (await firestore().collection(COL.cases).doc(request.caseId).get()).data() as CaseState;
      const token = await idToken('officer');
      const res = await fetch(`http://127.0.0.1:${stackPorts().functions}/${PROJECT_ID}/asia-south1/submitRequest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          data: {
            type: 'caseAction',
            caseId: c.id,
            clientRequestId: `e2e-${randomUUID()}`,
            payload: {
              action: 'decideRoRequest',
              result: 'approved',
              inputs: { requestId: request.id, note: 'approved in the e2e test' },
              expectedRev: c.rev,
            },
          },
        }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      type Sent = { to: string; body: string; callbackStatus?: number };
      const sms = await eventually('the SMS to ro1 with its delivery callback', async () => {
        const out = (await (await fetch(`${sinkUrl()}/__outbox`)).json()) as { sms: Sent[] };
        return out.sms.find((m) => m.body.includes(c.accountNumber) && m.body.includes('approved') && m.callbackStatus);
      });
      assert.equal(sms.callbackStatus, 204, 'the twilioStatus function accepted the signed callback');
      const delivered = await eventually('the message marked delivered', async () => {
        const docs = await firestore().collection(NCOL.outbox).where('caseId', '==', c.id).get();
        return docs.docs.find((d) => d.get('channel') === 'sms' && d.get('provider')?.status === 'delivered');
      });
      assert.equal(delivered.get('state'), 'SUCCESS');
      assert.equal(delivered.get('attempts'), 1, 'sent once');
      const inbox = await firestore().collection(NCOL.inbox).where('uid', '==', 'demo-ro1').get();
      assert.ok(
        inbox.docs.some((d) => d.get('kind') === 'approval_decided' && d.get('caseId') === c.id),
        'and an inbox entry',
      );
    },
  },
  {
    name: 'an administrator routes status changes to the supervisors too; a customer rule by email is refused on its row',
    run: async ({ signIn, shot }) => {
      const page = await signIn('admin@demo.debtx', 360);
      await page.getByTestId('nav-routing').click();
      const kind = page.getByTestId('routing-status_changed');
      await kind.waitFor();
      const before = await kind.locator('.routing-rule').count();
      await kind.getByRole('button', { name: 'Add a recipient' }).click();
      const added = kind.locator('.routing-rule').nth(before);
      await added.locator('select').selectOption('customer');
      await added.getByLabel('Email').check();
      await page.getByTestId('routing-save').click();
      await page.getByTestId(`routing-error-status_changed-${before}`).waitFor();
      assert.match((await page.getByTestId(`routing-error-status_changed-${before}`).textContent()) ?? '', /SMS only/);
      // What was chosen is still there; correct it and save.
      assert.equal(await added.locator('select').inputValue(), 'customer');
      await added.locator('select').selectOption('supervisor');
      await page.getByTestId('routing-save').click();
      await page.getByTestId('routing-saved').waitFor();
      await expectAccessible(page, 'notification routing');
      await expectNoSidewaysScroll(page, 'notification routing');
      await shot(page, 'notification-routing-saved');
      const stored = await firestore().collection(COL.settings).doc('notifyRouting').get();
      assert.deepEqual(
        (stored.get('overrides').status_changed as { audience: string }[]).map((r) => r.audience).sort(),
        ['case_drc_admin', 'case_ro', 'supervisor'],
      );
      await page.reload();
      await page.getByTestId('routing-changed-status_changed').waitFor();
      // Back to the built-in rules, so later tests see the defaults.
      await page
        .getByTestId('routing-status_changed')
        .getByRole('button', { name: 'Back to the built-in rules' })
        .click();
      await page.getByTestId('routing-save').click();
      await page.getByTestId('routing-saved').waitFor();
      assert.deepEqual(Object.keys((await stored.ref.get()).get('overrides')), []);
    },
  },
];
