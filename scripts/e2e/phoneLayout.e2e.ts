import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { COL, firestore } from '../../functions/src/data/db';
import type { CaseState } from '../../functions/src/domain/model/case';
import { expectAccessible } from './axe';
import type { E2eContext, E2eTest } from './runBrowserTests';

/**
 * Phone first: an RO's case page shows what the RO needs on the first screen of a 360 × 740 phone, and no main
 * screen scrolls sideways at 360 px in any language.
 */
const PHONE = { width: 360, height: 740 };
const LANGUAGES = ['en', 'si', 'ta'] as const;
type Language = (typeof LANGUAGES)[number];

/** One of ro1's open cases with an open promise to pay (the demo data has some), else any of theirs. */
async function ro1Case(): Promise<CaseState> {
  const snap = await firestore().collection(COL.cases).where('roId', '==', 'demo-ro1').get();
  const open = snap.docs.map((d) => d.data() as CaseState).filter((c) => !c.closedAt);
  const withPromise = open.find((c) => (c.promises ?? []).some((p) => p.status === 'open'));
  const chosen = withPromise ?? open[0];
  assert.ok(chosen, 'ro1 has an open case');
  return chosen;
}

async function anyOpenCase(field: 'drcId' | 'roId', value: string): Promise<CaseState> {
  const snap = await firestore().collection(COL.cases).where(field, '==', value).limit(20).get();
  const c = snap.docs.map((d) => d.data() as CaseState).find((x) => !x.closedAt);
  assert.ok(c, `an open case with ${field} ${value}`);
  return c;
}

async function phone(ctx: E2eContext, user: string): Promise<Page> {
  const page = await ctx.signIn(`${user}@demo.debtx`, PHONE.width);
  await page.setViewportSize(PHONE);
  return page;
}

async function setLanguage(page: Page, language: Language): Promise<void> {
  await page.getByTestId('language').selectOption(language);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/cases/${encodeURIComponent(caseId)}`);
  await page.getByTestId('case-status').waitFor();
}

/** How far the page runs past the viewport, and the elements that stick out furthest (to find the culprit). */
async function overflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const by = document.documentElement.scrollWidth - width;
    if (by <= 0) return { by, culprits: [] };
    const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 1);
    // The innermost ones: an element whose child also sticks out is only carrying it.
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    // Inline (no named helper): the test runner's compiler would wrap one in a helper the page does not have.
    return {
      by,
      culprits: innermost.slice(0, 4).map((el) => {
        const testId = el.getAttribute('data-testid');
        const classes =
          typeof el.className === 'string' && el.className.trim()
            ? `.${el.className.trim().split(/\s+/).join('.')}`
            : '';
        const past = Math.round(el.getBoundingClientRect().right - width);
        return `${el.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${classes} (${past} px)`;
      }),
    };
  });
}

interface Screen {
  name: string;
  user: string;
  /** The address after `#/`. */
  path: (ids: { roCase: string; drcCase: string; officerCase: string }) => string;
  /** What shows once the screen has its data. */
  ready: string;
}

const SCREENS: Screen[] = [
  { name: 'job basket (RO)', user: 'ro1', path: () => '', ready: '[data-testid="cases-table"]' },
  { name: 'case page (RO)', user: 'ro1', path: (ids) => `cases/${ids.roCase}`, ready: '[data-testid="case-status"]' },
  { name: 'inbox (RO)', user: 'ro1', path: () => 'inbox', ready: '[data-testid="inbox-summary"]' },
  { name: 'dashboard (RO)', user: 'ro1', path: () => 'dashboard', ready: '[data-testid="dash-open"]' },
  { name: 'job basket (DRC admin)', user: 'drc1', path: () => '', ready: '[data-testid="cases-table"]' },
  {
    name: 'case page (DRC admin)',
    user: 'drc1',
    path: (ids) => `cases/${ids.drcCase}`,
    ready: '[data-testid="case-status"]',
  },
  {
    name: 'assignment rules (DRC admin)',
    user: 'drc1',
    path: () => 'assignment-rules',
    ready: '[data-testid="policy-drc1-mode"]',
  },
  {
    name: 'notification settings',
    user: 'drc1',
    path: () => 'notification-preferences',
    ready: '[data-testid="prefs-table"]',
  },
  { name: 'job basket (officer)', user: 'officer', path: () => '', ready: '[data-testid="cases-table"]' },
  {
    name: 'case page (officer)',
    user: 'officer',
    path: (ids) => `cases/${ids.officerCase}`,
    ready: '[data-testid="case-status"]',
  },
  { name: 'register', user: 'officer', path: () => 'register', ready: '[data-testid="register-account"]' },
  { name: 'imports', user: 'officer', path: () => 'imports', ready: '[data-testid="import-file"]' },
  { name: 'assignment', user: 'officer', path: () => 'assignment', ready: '[data-testid="assignment-kind"]' },
  { name: 'dashboard (supervisor)', user: 'supervisor', path: () => 'dashboard', ready: '[data-testid="dash-open"]' },
  { name: 'users', user: 'admin', path: () => 'users', ready: '[data-testid="users-table"]' },
  { name: 'case types', user: 'admin', path: () => 'case-types', ready: '[data-testid="case-types-table"]' },
  {
    name: 'case type',
    user: 'admin',
    path: () => 'case-types/debtx_telco/1',
    ready: '[data-testid="case-type-diagram"] svg',
  },
  { name: 'assignment rules', user: 'admin', path: () => 'assignment-rules', ready: '[data-testid^="policy-drc-"]' },
  {
    name: 'notification routing',
    user: 'admin',
    path: () => 'notification-routing',
    ready: '[data-testid="routing-page"]',
  },
  {
    name: 'message texts',
    user: 'admin',
    path: () => 'notification-templates',
    ready: '[data-testid="templates-page"]',
  },
  { name: 'CPE approvals', user: 'rcmp', path: () => 'rcmp', ready: '[data-testid^="cpe-item-"]' },
  { name: 'audit', user: 'auditor', path: () => 'audit', ready: '[data-testid="audit-table"]' },
];

export const phoneLayout: E2eTest[] = [
  {
    name: 'an RO’s case at 360 × 740: who, how much, the promise and the next step on the first screen',
    run: async (ctx) => {
      const c = await ro1Case();
      const page = await phone(ctx, 'ro1');
      await openCase(page, c.id);
      const heights: string[] = [];
      for (const language of LANGUAGES) {
        await setLanguage(page, language);
        await page.evaluate(() => window.scrollTo(0, 0));
        for (const id of ['case-customer', 'case-amount-due', 'case-promise', 'case-next-step']) {
          const box = await page.getByTestId(id).boundingBox();
          assert.ok(box, `${id} is shown`);
          assert.ok(
            box.y + box.height <= PHONE.height,
            `${id} ends at ${box.y + box.height} px, below the first screen (${language})`,
          );
        }
        heights.push(`${language} ${await page.evaluate(() => document.documentElement.scrollHeight)} px`);
        await ctx.shot(page, `e2e-phone-case-${language}`);
      }
      // The figure the page was measured by, for the record (the test does not hold it to a number).
      process.stdout.write(`    ro1's case ${c.accountNumber} at 360 px is ${heights.join(', ')} tall\n`);
      await setLanguage(page, 'en');

      const call = page.getByTestId('call-0');
      assert.equal(await call.getAttribute('href'), `tel:${c.customer.phone.replace(/[^\d+]/g, '')}`);
      assert.match((await page.getByTestId('sms-0').getAttribute('href')) ?? '', /^sms:\+?\d+$/);
      const promise = (c.promises ?? []).find((p) => p.status === 'open');
      if (promise) assert.doesNotMatch(await page.getByTestId('case-promise').innerText(), /None open/);

      // History and details are folded on a phone.
      const folds = page.locator('details.fold');
      assert.ok((await folds.count()) >= 4, 'timeline, money, customer and details folds');
      assert.equal(await page.locator('details.fold[open]').count(), 0, 'every fold starts closed on a phone');
      assert.equal(await page.getByTestId('timeline').isVisible(), false);
      await page.getByTestId('fold-timeline-summary').click();
      await page.getByTestId('timeline').waitFor();

      // The actions are a list; choosing one opens its form alone, and Back returns to the list.
      const choices = page.locator('[data-testid^="choose-"]');
      assert.ok((await choices.count()) > 0, 'the RO has something to record');
      assert.equal(await page.locator('form.action-form').count(), 0, 'no form before one is chosen');
      const first = (await choices.first().getAttribute('data-testid'))!.replace('choose-', '');
      await choices.first().click();
      await page.getByTestId(`action-${first}`).waitFor();
      assert.equal(await page.locator('form.action-form').count(), 1, 'one form at a time');
      assert.equal(await choices.count(), 0, 'the list gives way to the form');
      await expectAccessible(page, 'case page with a form open (RO, phone)');
      await page.getByTestId('actions-back').click();
      await choices.first().waitFor();
      assert.equal(await page.locator('form.action-form').count(), 0);
      await expectAccessible(page, 'case page (RO, phone)');
    },
  },
  {
    name: 'the case page on a desktop keeps the same order, its folds open, and passes axe',
    run: async ({ signIn, shot }) => {
      const c = await ro1Case();
      const page = await signIn('ro1@demo.debtx');
      await openCase(page, c.id);
      await page.getByTestId('timeline').waitFor();
      assert.equal(await page.locator('details.fold:not([open])').count(), 0, 'folds start open on a wide screen');
      await expectAccessible(page, 'case page (RO, desktop)');
      await shot(page, 'e2e-phone-case-desktop');
    },
  },
  {
    name: 'no main screen scrolls sideways at 360 px in English, Sinhala or Tamil',
    run: async (ctx) => {
      const ids = {
        roCase: (await ro1Case()).id,
        drcCase: (await anyOpenCase('drcId', 'drc1')).id,
        officerCase: (await ro1Case()).id,
      };
      const problems: string[] = [];
      for (const user of [...new Set(SCREENS.map((s) => s.user))]) {
        const page = await phone(ctx, user);
        const origin = new URL(page.url()).origin;
        for (const language of LANGUAGES) {
          await setLanguage(page, language);
          for (const screen of SCREENS.filter((s) => s.user === user)) {
            await page.goto(`${origin}/#/${screen.path(ids)}`);
            const ready = await page
              .locator(screen.ready)
              .first()
              .waitFor({ timeout: 60_000 })
              .then(() => true)
              .catch(() => false);
            if (!ready) {
              problems.push(`${screen.name} in ${language}: never showed ${screen.ready}`);
              continue;
            }
            const { by, culprits } = await overflow(page);
            if (by > 0) problems.push(`${screen.name} in ${language}: ${by} px too wide (${culprits.join(', ')})`);
            // Folded parts count too: open every fold and look again.
            const closed = page.locator('details:not([open]) > summary');
            for (let i = await closed.count(); i > 0; i--) await closed.first().click();
            const opened = await overflow(page);
            if (opened.by > 0 && by <= 0) {
              problems.push(
                `${screen.name} in ${language}, folds open: ${opened.by} px too wide (${opened.culprits.join(', ')})`,
              );
            }
          }
        }
        await page.context().close();
      }
      assert.equal(problems.length, 0, `sideways scroll at 360 px:\n      ${problems.join('\n      ')}`);
    },
  },
];
