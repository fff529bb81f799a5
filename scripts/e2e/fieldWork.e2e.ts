import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { COL, firestore } from '../../functions/src/data/db';
import type { CaseState } from '../../functions/src/domain/model/case';
import type { E2eTest } from './runBrowserTests';

/**
 * RO requests in the browser: an RO asks for a validity extension on one of their cases and sees it waiting;
 * an officer approves it from the case page (picking the request, not typing an id); the RO sees it approved.
 */
const state: { ro?: Page; caseId?: string; account?: string; validUntil?: string | null } = {};

async function caseDoc(): Promise<CaseState> {
  return (await firestore().collection(COL.cases).doc(state.caseId!).get()).data() as CaseState;
}

/** Actions are a list of buttons; the chosen one's form opens in its place. */
async function openForm(page: Page, form: string) {
  await page.getByTestId(`choose-${form}`).click();
  return page.getByTestId(`action-${form}`);
}

async function openCase(page: Page): Promise<void> {
  await page.getByTestId('search').fill(state.account!);
  await page.getByTestId(`case-row-${state.account}`).first().click({ timeout: 20_000 });
  await page.getByTestId('case-status').waitFor();
}

export const fieldWork: E2eTest[] = [
  {
    name: 'an RO asks for a validity extension and sees it waiting for a decision',
    run: async ({ signIn, shot }) => {
      const mine = await firestore()
        .collection(COL.cases)
        .where('roId', '==', 'demo-ro1')
        .where('status', '==', 'NEGOTIATION')
        .get();
      const c = mine.docs
        .map((d) => d.data() as CaseState)
        .find((x) => !x.hold && !(x.roRequests ?? []).some((r) => r.state === 'pending'));
      assert.ok(c, 'a seeded negotiation of ro1 without a pending request');
      Object.assign(state, { caseId: c.id, account: c.accountNumber, validUntil: c.assignment.validUntil });
      const page = await signIn('ro1@demo.debtx', 360);
      state.ro = page;
      await openCase(page);
      const form = await openForm(page, 'roRequest-validity_extension');
      await form.getByTestId('field-days').fill('400');
      await form.getByTestId('field-reason').fill('Customer abroad until next month');
      await form.getByTestId('submit-roRequest-validity_extension').click();
      await form.getByTestId('form-error').waitFor({ timeout: 20_000 });
      assert.match(await form.getByTestId('form-error').innerText(), /at most 30 days/);
      await form.getByTestId('field-days').fill('14');
      await form.getByTestId('submit-roRequest-validity_extension').click();
      // On a phone the requests are folded below the work.
      await page.getByTestId('fold-field-work-summary').click();
      await page.getByTestId('ro-requests').filter({ hasText: 'Waiting for a decision' }).waitFor({ timeout: 20_000 });
      await shot(page, 'e2e-10-ro-request-waiting');
    },
  },
  {
    name: 'an officer approves it from the case page and the RO sees it approved, the validity moved on',
    run: async ({ signIn, shot }) => {
      const page = await signIn('officer@demo.debtx');
      await openCase(page);
      const form = await openForm(page, 'decideRoRequest-approved');
      const select = form.getByTestId('field-requestId');
      const options = await select
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      assert.equal(options.length, 1, 'the one pending request is offered');
      await select.selectOption(options[0]!);
      await form.getByTestId('submit-decideRoRequest-approved').click();
      await page.getByTestId('ro-requests').filter({ hasText: 'Approved' }).waitFor({ timeout: 20_000 });
      await state.ro!.getByTestId('ro-requests').filter({ hasText: 'Approved' }).waitFor({ timeout: 20_000 });
      await shot(state.ro!, 'e2e-11-ro-request-approved');
      const after = await caseDoc();
      assert.ok(after.assignment.validUntil! > state.validUntil!, 'the validity end moved forward');
    },
  },
];
