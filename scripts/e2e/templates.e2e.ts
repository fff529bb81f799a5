import { strict as assert } from 'node:assert';
import { COL, firestore } from '../../functions/src/data/db';
import { expectAccessible, expectNoSidewaysScroll } from './axe';
import type { E2eTest } from './runBrowserTests';

/** The message texts screen in the browser (three languages, fallback to English). */
export const templatesScreen: E2eTest[] = [
  {
    name: 'an administrator writes a customer SMS for broken promises: a mistyped variable is flagged as typed, fixed with a click, saved; the routing then texts customers',
    run: async ({ signIn, shot }) => {
      const stored = firestore().collection(COL.settings).doc('notifyTemplates');
      const page = await signIn('admin@demo.debtx');
      await page.getByTestId('nav-templates').click();
      await page.getByTestId('templates-page').waitFor();
      const version = Number(
        /Version (\d+)/.exec((await page.getByTestId('templates-version').textContent()) ?? '')?.[1],
      );
      await page.getByTestId('templates-message').selectOption('promise_broken.customer');
      const body = page.getByTestId('templates-en-body');
      assert.equal(await body.inputValue(), '', 'no customer SMS for broken promises is shipped');

      await body.fill(
        'Dear {name}, your payment due {due} on account {acount} has not reached us. Please call 011 2 345 678.',
      );
      const error = page.getByTestId('templates-en-body-error');
      await error.waitFor();
      assert.match((await error.textContent()) ?? '', /\{acount\} is not filled in/);
      // Fixed by replacing the typo with the variable's button: the cursor goes where the selection was.
      const text = await body.inputValue();
      const at = text.indexOf('{acount}');
      await body.evaluate(
        (el: HTMLTextAreaElement, [s, e]) => el.setSelectionRange(s, e),
        [at, at + '{acount}'.length],
      );
      await page.getByTestId('templates-en').getByRole('button', { name: 'Insert account' }).click();
      assert.match(await body.inputValue(), /on account \{account\} has not/);
      await error.waitFor({ state: 'detached' });
      const preview = page.getByTestId('templates-en-preview');
      assert.match(
        (await preview.textContent()) ?? '',
        /Dear Nimal Perera, your payment due 2026-12-10 on account 0012345678/,
      );
      assert.match((await page.getByTestId('templates-en-parts').textContent()) ?? '', /1 SMS part\(s\).*GSM-7/);
      // Sinhala takes more parts for less text (UCS-2).
      await page
        .getByTestId('templates-si-body')
        .fill('හිතවත් {name}, ගිණුම {account} සඳහා {due} දින නියමිත ගෙවීම අපට ලැබී නැත. කරුණාකර 011 2 345 678 අමතන්න.');
      assert.match((await page.getByTestId('templates-si-parts').textContent()) ?? '', /2 SMS part\(s\).*UCS-2/);
      // Tamil left empty: listed as untranslated (sent in English).
      assert.match(
        (await page.getByTestId('templates-missing').textContent()) ?? '',
        /Promise broken: SMS to the customer — தமிழ்/,
      );
      await expectAccessible(page, 'message texts');
      await page.getByTestId('templates-save').click();
      await page.getByTestId('templates-saved').waitFor();
      await shot(page, 'templates-saved');
      const saved = await stored.get();
      assert.equal(saved.get('version'), version + 1);
      assert.match(saved.get('overrides').en['promise_broken.customer'].body as string, /\{account\} has not/);
      assert.ok(saved.get('overrides').si['promise_broken.customer']);

      // The routing now accepts a customer rule on broken promises (refused while there was no customer text).
      await page.getByTestId('nav-routing').click();
      const kind = page.getByTestId('routing-promise_broken');
      await kind.waitFor();
      const rules = await kind.locator('.routing-rule').count();
      await kind.getByRole('button', { name: 'Add a recipient' }).click();
      const added = kind.locator('.routing-rule').nth(rules);
      await added.locator('select').selectOption('customer');
      await added.getByLabel('In-app').uncheck();
      await added.getByLabel('SMS').check();
      await page.getByTestId('routing-save').click();
      await page.getByTestId('routing-saved').waitFor();
      const routing = firestore().collection(COL.settings).doc('notifyRouting');
      const customerRule = ((await routing.get()).get('overrides').promise_broken as { audience: string }[]).find(
        (r) => r.audience === 'customer',
      );
      assert.ok(customerRule, 'the customer rule was saved');
      // Back to the shipped routing and texts, so later tests see the defaults.
      await kind.getByRole('button', { name: 'Back to the built-in rules' }).click();
      await page.getByTestId('routing-save').click();
      await page.getByTestId('routing-saved').waitFor();
      await page.getByTestId('nav-templates').click();
      await page.getByTestId('templates-message').selectOption('promise_broken.customer');
      await page.getByTestId('templates-en-reset').click();
      await page.getByTestId('templates-si-reset').click();
      await page.getByTestId('templates-save').click();
      await page.getByTestId('templates-saved').waitFor();
      assert.deepEqual((await stored.get()).get('overrides'), {});
      await page.context().close();
    },
  },
  {
    name: 'a supervisor on a phone reads the texts in Tamil without controls; an RO has no such screen',
    run: async ({ signIn, shot }) => {
      const page = await signIn('supervisor@demo.debtx', 360);
      await page.getByTestId('nav-templates').click();
      await page.getByTestId('templates-message').selectOption('promise_due.customer');
      const tamil = page.getByTestId('templates-ta-body');
      assert.match(await tamil.inputValue(), /\{due\}/);
      assert.equal(await tamil.getAttribute('readonly'), '');
      assert.equal(await page.getByTestId('templates-save').count(), 0);
      await expectNoSidewaysScroll(page, 'message texts');
      await expectAccessible(page, 'message texts, read-only');
      await shot(page, 'templates-phone-read-only');
      await page.context().close();
      const ro = await signIn('ro1@demo.debtx', 360);
      assert.equal(await ro.getByTestId('nav-templates').count(), 0);
      await ro.context().close();
    },
  },
];
