import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COL, firestore } from '../../functions/src/data/db';
import { amountDueCents, type CaseState } from '../../functions/src/domain/model/case';
import { signBody } from '../../functions/src/domain/sync/signature';
import { PROJECT_ID, ROOT, stackPorts } from '../lib/ports';
import type { E2eTest } from './runBrowserTests';

/** Posts a change to the stack's webhook, signed as the source systems sign it (functions/.secret.local). */
async function sendChange(change: Record<string, unknown>): Promise<number> {
  const secret = /^SOURCE_WEBHOOK_SECRET=(.*)$/m.exec(
    readFileSync(join(ROOT, 'functions', '.secret.local'), 'utf8'),
  )![1]!;
  const body = JSON.stringify(change);
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${stackPorts().functions}/${PROJECT_ID}/asia-south1/sourceWebhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-debtx-timestamp': String(ts),
      'x-debtx-signature': signBody(secret, ts, body),
    },
    body,
  });
  return res.status;
}

/** Source sync as the RO sees it: a payment taken at a shop appears on their open case within seconds. */
export const sourceSyncEndToEnd: E2eTest[] = [
  {
    name: 'a payment taken at a shop reaches the RO’s open case page within seconds, once',
    run: async ({ signIn, shot }) => {
      const ro = (await firestore().collection(COL.users).where('email', '==', 'ro1@demo.debtx').get()).docs[0]!;
      const open = await firestore().collection(COL.cases).where('roId', '==', ro.id).get();
      const c = open.docs
        .map((d) => d.data() as CaseState)
        // One whose assignment is still valid: the payment settles the case as of now, and an expired validity
        // period would (rightly) return it to the recovery section at the same moment; this test is about the payment.
        .find(
          (x) =>
            x.status === 'NEGOTIATION' &&
            !x.hold &&
            amountDueCents(x) > 20_000 &&
            (x.assignment.validUntil ?? '') > new Date(Date.now() + 8 * 86_400_000).toISOString(),
        );
      assert.ok(c, 'a seeded case in negotiation for ro1');
      const page = await signIn('ro1@demo.debtx', 360);
      await page.goto(`${page.url().split('#')[0]}#/cases/${c.id}`);
      await page.getByTestId('case-status').waitFor();
      // On a phone the payments are folded below the work: open the fold to watch them.
      await page.getByTestId('fold-money-summary').click();
      const change = {
        source: 'bss',
        kind: 'payment',
        eventId: `e2e-shop-${c.id}`,
        accountNumber: c.accountNumber,
        occurredAt: new Date().toISOString(),
        paymentId: 'E2E-SHOP-1',
        amountCents: 10_000,
        paidOn: new Date().toISOString().slice(0, 10),
        method: 'cash',
      };
      assert.equal(await sendChange(change), 202);
      assert.equal(await sendChange(change), 200, 'the source retrying is told it is a duplicate');
      try {
        await page.getByTestId('payments').getByText('bss:E2E-SHOP-1').waitFor({ timeout: 15_000 });
      } catch (error) {
        await shot(page, 'failure-sync');
        const doc = await firestore().collection('sourceChanges').doc(`bss:${change.eventId}`).get();
        const top = (await page.locator('main').innerText()).slice(0, 400);
        throw new Error(`${(error as Error).message}\nthe change: ${JSON.stringify(doc.data())}\nthe page: ${top}`, {
          cause: error,
        });
      }
      await shot(page, 'e2e-sync-shop-payment-on-phone');
      const after = (await firestore().collection(COL.cases).doc(c.id).get()).data() as CaseState;
      assert.equal(after.paidCents, c.paidCents + 10_000, 'recorded once');
    },
  },
];
