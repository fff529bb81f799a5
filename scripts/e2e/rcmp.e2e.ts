import { strict as assert } from 'node:assert';
import { COL, firestore } from '../../functions/src/data/db';
import type { CaseState, CpeItem } from '../../functions/src/domain/model/case';
import { si } from '../../web/src/i18n/si';
import { DEMO_C360_ACCOUNT } from '../lib/seedDemo';
import { expectAccessible, expectNoSidewaysScroll } from './axe';
import type { E2eTest } from './runBrowserTests';

/**
 * The RCMP desk and Customer 360 in the browser: the desk approves one collected item and rejects another with a
 * reason from its queue at phone width; a refusal by the server shows next to its item in the user's language and
 * keeps what was typed. An officer's Customer 360 lists the customer's other cases; an RO's only their own.
 */
interface Waiting {
  caseId: string;
  item: CpeItem;
}

async function caseDoc(caseId: string): Promise<CaseState> {
  return (await firestore().collection(COL.cases).doc(caseId).get()).data() as CaseState;
}

/** Collected items waiting for the desk, one per case (a hold or a decision then touches only its own item). */
async function waitingItems(): Promise<Waiting[]> {
  const snap = await firestore().collection(COL.cases).where('basketApprovals', '==', true).get();
  return snap.docs
    .map((d) => d.data() as CaseState)
    .filter((c) => c.requiredAction !== 'arrears' && !c.hold && c.accountNumber !== DEMO_C360_ACCOUNT)
    .flatMap((c) => {
      const item = c.cpe.find((i) => i.status === 'collected');
      return item ? [{ caseId: c.id, item }] : [];
    })
    .sort((a, b) => a.caseId.localeCompare(b.caseId));
}

export const rcmpDesk: E2eTest[] = [
  {
    name: 'the RCMP desk approves one item and rejects another with a reason, at phone width',
    run: async ({ signIn, shot }) => {
      const [approve, reject] = await waitingItems();
      assert.ok(approve && reject, 'two seeded cases with a collected item');
      const page = await signIn('rcmp@demo.debtx', 360);
      await page.getByTestId('nav-rcmp').click();
      const first = page.getByTestId(`cpe-item-${approve.item.itemId}`);
      const second = page.getByTestId(`cpe-item-${reject.item.itemId}`);
      await first.waitFor({ timeout: 20_000 });
      await expectAccessible(page, 'RCMP queue');
      await expectNoSidewaysScroll(page, 'RCMP queue');

      await first.getByTestId(`cpe-approve-${approve.item.itemId}`).click();
      await first.getByTestId('form-ok').filter({ hasText: 'Approved' }).waitFor({ timeout: 20_000 });

      // A rejection without a reason is stopped here, next to the item; the reason typed then goes through.
      await second.getByTestId(`cpe-reject-${reject.item.itemId}`).click();
      await second.getByTestId(`cpe-reason-error-${reject.item.itemId}`).waitFor();
      const reason = 'Power adapter missing, casing cracked';
      await second.getByLabel(/Reason/).fill(reason);
      await second.getByTestId(`cpe-reject-${reject.item.itemId}`).click();
      await second
        .getByTestId('form-ok')
        .filter({ hasText: `Rejected: ${reason}` })
        .waitFor({ timeout: 20_000 });
      // Both outcomes stay in place after the queue refreshes without them.
      await page.waitForTimeout(2_500);
      assert.ok(await first.getByTestId('form-ok').isVisible(), 'the approval is still shown');
      await shot(page, 'e2e-rcmp-decided');

      const approved = (await caseDoc(approve.caseId)).cpe.find((i) => i.itemId === approve.item.itemId)!;
      assert.equal(approved.status, 'approved');
      assert.equal(approved.decidedBy, 'demo-rcmp');
      const rejected = (await caseDoc(reject.caseId)).cpe.find((i) => i.itemId === reject.item.itemId)!;
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.decisionReason, reason);
    },
  },
  {
    name: 'a refusal shows next to its item in Sinhala and keeps the reason typed',
    run: async ({ signIn }) => {
      const [held] = await waitingItems();
      assert.ok(held, 'a third seeded case with a collected item');
      const ref = firestore().collection(COL.cases).doc(held.caseId);
      // Another case holds this one (as a deceased-customer case would): the life cycle refuses the decision.
      await ref.update({
        hold: { byCaseId: 'E2E-HOLD', reason: 'Customer deceased', since: new Date().toISOString() },
      });
      try {
        const page = await signIn('rcmp@demo.debtx', 360);
        await page.getByTestId('language').selectOption('si');
        await page.getByTestId('nav-rcmp').click();
        const card = page.getByTestId(`cpe-item-${held.item.itemId}`);
        await card.waitFor({ timeout: 20_000 });
        const typed = 'ඉදිරිපස පුවරුව කැඩී ඇත';
        await card.getByTestId(`cpe-reason-${held.item.itemId}`).fill(typed);
        await card.getByTestId(`cpe-reject-${held.item.itemId}`).click();
        const error = card.getByTestId(`cpe-error-${held.item.itemId}`);
        await error.waitFor({ timeout: 20_000 });
        assert.equal((await error.innerText()).trim(), si['rcmp.refusal.case-on-hold']);
        assert.equal(await card.getByTestId(`cpe-reason-${held.item.itemId}`).inputValue(), typed);
        await expectAccessible(page, 'RCMP queue with a refusal');
        await page.getByTestId('language').selectOption('en');
      } finally {
        await ref.update({ hold: null });
      }
      assert.equal((await caseDoc(held.caseId)).cpe.find((i) => i.itemId === held.item.itemId)!.status, 'collected');
    },
  },
  {
    name: 'a supervisor follows the queue but decides nothing; an RO has no such screen',
    run: async ({ signIn }) => {
      const [waiting] = await waitingItems();
      assert.ok(waiting, 'an item still waiting');
      const page = await signIn('supervisor@demo.debtx');
      await page.getByTestId('nav-rcmp').click();
      const card = page.getByTestId(`cpe-item-${waiting.item.itemId}`);
      await card.waitFor({ timeout: 20_000 });
      assert.equal(await card.getByRole('button').count(), 0, 'no approve or reject buttons');
      const ro = await signIn('ro1@demo.debtx', 360);
      assert.equal(await ro.getByTestId('nav-rcmp').count(), 0, 'no CPE approvals link for an RO');
    },
  },
  {
    name: 'Customer 360: an officer sees the customer’s other cases, each a link; an RO only their own',
    run: async ({ signIn, shot }) => {
      const snap = await firestore().collection(COL.cases).where('accountNumber', '==', DEMO_C360_ACCOUNT).get();
      const cases = snap.docs.map((d) => d.data() as CaseState);
      assert.equal(cases.length, 3, 'the seeded customer has three cases');
      const open = cases.filter((c) => !c.closedAt);
      const page = await signIn('officer@demo.debtx');
      await page.getByTestId('search').fill(DEMO_C360_ACCOUNT);
      await page.getByTestId(`case-row-${DEMO_C360_ACCOUNT}`).first().click({ timeout: 20_000 });
      // The first call of a function the emulator has not run yet loads it first: on a busy machine, seconds.
      await page.getByTestId('c360-cases').waitFor({ timeout: 60_000 });
      const current = decodeURIComponent(new URL(page.url()).hash.replace('#/cases/', ''));
      const others = cases.filter((c) => c.id !== current).map((c) => c.id);
      for (const id of others) await page.getByTestId(`c360-case-${id}`).waitFor();
      await page.getByTestId('contact-history').filter({ hasText: 'c360.customer@example.lk' }).waitFor();
      await expectAccessible(page, 'case page with Customer 360');
      await shot(page, 'e2e-customer-360');
      // The link opens the other case.
      await page.getByTestId(`c360-case-${others[0]}`).getByRole('link').click();
      await page.waitForURL(new RegExp(`#/cases/${others[0]}$`));
      await page.getByTestId('c360-cases').waitFor({ timeout: 20_000 });

      // The RO of one open case sees the others only if they are theirs too.
      const mine = open[0]!;
      const ro = await signIn(`${mine.roId!.replace('demo-', '')}@demo.debtx`, 360);
      await ro.goto(`${new URL(ro.url()).origin}/#/cases/${mine.id}`);
      // On a phone the Customer 360 is folded below the work.
      await ro.getByTestId('fold-customer-summary').click({ timeout: 20_000 });
      await ro.getByTestId('customer-360').waitFor({ timeout: 20_000 });
      const theirs = cases.filter((c) => c.id !== mine.id && c.roId === mine.roId).map((c) => c.id);
      if (theirs.length === 0) await ro.getByTestId('c360-no-other-cases').waitFor({ timeout: 20_000 });
      else await ro.getByTestId('c360-cases').waitFor({ timeout: 20_000 });
      const shown = await ro
        .locator('[data-testid^="c360-case-"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('c360-case-', '')));
      assert.deepEqual(shown.sort(), theirs.sort());
      await expectNoSidewaysScroll(ro, 'case page with Customer 360');
    },
  },
];
