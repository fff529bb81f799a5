import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { COL, firestore } from '../../functions/src/data/db';
import { expectAccessible, expectNoSidewaysScroll } from './axe';
import type { E2eTest } from './runBrowserTests';

/**
 * The web client in the browser, on the seeded demo data: each role's job basket (tabs, one-click counters, names
 * not ids, sort, columns, export), the language switch, the RCMP and mediation board queues, the dashboard
 * and the bulk upload; axe-core on each screen and no sideways scrolling at 360 px.
 */
const count = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, ''));

/** Open cases, counted by reading them (the offline emulator cannot combine an `== null` filter with others). */
async function openCases(field?: 'drcId', value?: string): Promise<number> {
  const cases = firestore().collection(COL.cases);
  const snap = await (field ? cases.where(field, '==', value) : cases).get();
  return snap.docs.filter((d) => d.get('closedAt') === null).length;
}

async function waitForCounts(page: Page): Promise<void> {
  await page.getByTestId('counter-promisesDue-count').filter({ hasNotText: '…' }).waitFor({ timeout: 20_000 });
}

export const jobBasket: E2eTest[] = [
  {
    name: 'an RO on a phone works from their basket: tabs, a counter filters with one click, names not ids',
    run: async ({ signIn, shot }) => {
      const page = await signIn('ro1@demo.debtx', 360);
      await page.getByTestId('cases-table').waitFor({ timeout: 20_000 });
      await waitForCounts(page);
      assert.equal(await page.getByTestId('tab-active').getAttribute('aria-selected'), 'true');
      const rows = await page.locator('[data-testid^="case-row-"]').count();
      assert.ok(rows > 0, 'the RO has cases');
      const table = await page.getByTestId('cases-table').innerText();
      assert.doesNotMatch(table, /demo-ro1/, 'the RO column shows a name, not a uid');
      assert.match(table, /Roshan Perera/);
      const notFollowedUp = await count(page, 'counter-notFollowedUp-count');
      await page.getByTestId('counter-notFollowedUp').click();
      await page.getByTestId('counter-on').waitFor();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid^="case-row-"]').length === n || n === 0,
        Math.min(notFollowedUp, 25),
        { timeout: 15_000 },
      );
      assert.match(page.url(), /counter=notFollowedUp/, 'the filter is in the address');
      await expectNoSidewaysScroll(page, 'RO basket at 360 px');
      await expectAccessible(page, 'RO basket');
      await shot(page, 'basket-01-ro-phone');
      await page.context().close();
    },
  },
  {
    name: 'an officer filters by DRC, sorts, chooses columns (kept after a reload) and exports CSV and Excel',
    run: async ({ signIn, shot }) => {
      const page = await signIn('officer@demo.debtx');
      await page.getByTestId('cases-table').waitFor({ timeout: 20_000 });
      await waitForCounts(page);
      const all = await count(page, 'tab-active');
      await page.getByTestId('drc-filter').selectOption('drc1');
      await page.waitForFunction(
        (before) => {
          const tab = document.querySelector('[data-testid="tab-active"] .badge');
          return tab && Number(tab.textContent?.replace(/[^\d]/g, '')) < before;
        },
        all,
        { timeout: 15_000 },
      );
      // The list follows the filter: every DRC cell names the chosen DRC.
      await page.waitForFunction(
        () => {
          const cells = [...document.querySelectorAll('td[data-label="DRC"]')].map((c) => c.textContent ?? '');
          return cells.length > 0 && cells.every((c) => c.includes('Lanka Recoveries'));
        },
        undefined,
        { timeout: 15_000 },
      );
      await page.getByTestId('sort').selectOption('arrears');
      await page.getByTestId('column-chooser').locator('summary').click();
      await page.getByTestId('column-phone').check();
      await page.getByTestId('col-phone').waitFor();
      await page.getByTestId('column-chooser').locator('summary').click();
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      const text = await (await import('node:fs/promises')).readFile((await csv.path())!, 'utf8');
      const lines = text.trim().split(/\r\n/);
      assert.match(lines[0]!, /Account.*Phone/);
      const expected = await openCases('drcId', 'drc1');
      assert.equal(lines.length - 1, expected, 'every page of the filtered list is exported');
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
      assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
      await expectAccessible(page, 'officer basket');
      await shot(page, 'basket-02-officer-filtered');
      await page.reload();
      await page.getByTestId('col-phone').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('drc-filter').inputValue(), 'drc1', 'the filter survives a reload');
      await page.context().close();
    },
  },
  {
    name: 'the language switches to Sinhala and Tamil at once, with amounts and dates per locale, and is remembered',
    run: async ({ signIn, shot }) => {
      const page = await signIn('drc1@demo.debtx');
      await page.getByTestId('cases-table').waitFor({ timeout: 20_000 });
      await page.getByTestId('search').fill('07');
      await page.getByTestId('language').selectOption('si');
      await page.getByRole('heading', { name: 'කාර්ය කූඩය' }).waitFor();
      assert.equal(await page.getByTestId('search').inputValue(), '07', 'what was typed is kept');
      await page.getByTestId('search').fill('');
      await page.getByTestId('cases-table').waitFor({ timeout: 20_000 });
      assert.match(await page.getByTestId('cases-table').innerText(), /රු\./, 'LKR in Sinhala');
      await expectAccessible(page, 'basket in Sinhala');
      await shot(page, 'basket-03-sinhala');
      await page.getByTestId('language').selectOption('ta');
      await page.getByRole('heading', { name: 'பணிக் கூடை' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'பணிக் கூடை' }).waitFor({ timeout: 20_000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ta');
      await page.getByTestId('language').selectOption('en');
      await page.context().close();
    },
  },
  {
    name: 'the RCMP desk opens on its approvals queue and the mediation board on its board cases',
    run: async ({ signIn }) => {
      const rcmp = await signIn('rcmp@demo.debtx', 360);
      await rcmp.getByTestId('tab-approvals').waitFor({ timeout: 20_000 });
      assert.equal(await rcmp.getByTestId('tab-approvals').getAttribute('aria-selected'), 'true');
      await expectAccessible(rcmp, 'RCMP approvals');
      await rcmp.context().close();
      const board = await signIn('board@demo.debtx');
      await board.getByTestId('tab-mediation').waitFor({ timeout: 20_000 });
      const rows = await board.locator('[data-testid^="case-row-"]').count();
      if (rows > 0) {
        const statuses = await board.locator('td[data-label="Status"]').allInnerTexts();
        assert.ok(
          statuses.every((s) => /Mediation board|Dispute/.test(s)),
          statuses.join('|'),
        );
      }
      await board.context().close();
    },
  },
  {
    name: 'the dashboard shows live figures, each a link to its cases, at desktop and phone width',
    run: async ({ signIn, shot }) => {
      const page = await signIn('supervisor@demo.debtx');
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('dash-open').waitFor({ timeout: 30_000 });
      const open = Number(
        (await page.getByTestId('dash-open').locator('.figure-value').innerText()).replace(/\D/g, ''),
      );
      const expected = await openCases();
      assert.equal(open, expected, 'open cases on the dashboard');
      await page.getByTestId('trend-chart').waitFor();
      await page.getByTestId('dash-drcs').waitFor();
      await expectAccessible(page, 'dashboard');
      await shot(page, 'basket-04-dashboard');
      await page.getByTestId('dash-status-NEGOTIATION').click();
      await page.getByTestId('cases-table').waitFor({ timeout: 20_000 });
      assert.match(page.url(), /status=NEGOTIATION/);
      const statuses = await page.locator('td[data-label="Status"]').allInnerTexts();
      assert.ok(statuses.length > 0 && statuses.every((s) => s === 'Negotiation'), statuses.join('|'));
      await page.context().close();
      const phone = await signIn('drc2@demo.debtx', 360);
      await phone.getByTestId('nav-dashboard').click();
      await phone.getByTestId('dash-open').waitFor({ timeout: 30_000 });
      await expectNoSidewaysScroll(phone, 'dashboard at 360 px');
      await phone.context().close();
    },
  },
  {
    name: 'an officer uploads a file, watches its progress and downloads the error report',
    run: async ({ signIn, shot }) => {
      const page = await signIn('officer@demo.debtx');
      await page.getByTestId('nav-imports').click();
      await page.getByTestId('import-upload').click();
      await page.getByTestId('import-file-error').waitFor();
      await expectAccessible(page, 'bulk upload');
      const csv = 'account,action\n0000000901,arrears\n0000000902,cpe\n12345,arrears\n';
      await page
        .getByTestId('import-file')
        .setInputFiles({ name: 'e2e-import.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('import-upload').click();
      await page.getByTestId('import-state').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
      assert.match(await page.getByTestId('import-progress-text').innerText(), /3 of 3 rows done/);
      assert.equal(await page.getByTestId('import-registered').innerText(), '2');
      assert.equal(await page.getByTestId('import-rejected').innerText(), '1');
      const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-errors').click()]);
      const text = await (await import('node:fs/promises')).readFile((await report.path())!, 'utf8');
      assert.match(text, /12345/);
      await shot(page, 'basket-05-import-done');
      await page.context().close();
    },
  },
];
