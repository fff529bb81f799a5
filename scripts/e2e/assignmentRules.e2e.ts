import { strict as assert } from 'node:assert';
import { COL, firestore } from '../../functions/src/data/db';
import { expectAccessible, expectNoSidewaysScroll } from './axe';
import { retry } from '../../functions/src/domain/retry/retry';
import type { E2eTest } from './runBrowserTests';

/** In the browser: the assignment policy screen and a DRC's RO assignment mode. */
export const assignmentRules: E2eTest[] = [
  {
    name: 'an administrator changes a DRC’s open-case limit (a mistyped limit and band refused beside their fields, typed text kept), a new audited version',
    run: async ({ signIn, shot }) => {
      const drc = firestore().collection(COL.drcs).doc('drc2');
      const before = (await drc.get()).get('capacity') as number;
      const page = await signIn('admin@demo.debtx');
      await page.getByTestId('nav-assignment-rules').click();
      const card = page.getByTestId('policy-drc-drc2');
      await card.waitFor({ timeout: 60_000 });
      const version = Number(((await page.getByTestId('policy-version').textContent()) ?? '').replace(/\D/g, ''));

      await page.getByTestId('policy-drc2-capacity').fill('-5');
      await page.getByTestId('policy-band').fill('2');
      await page.getByTestId('policy-save').click();
      await card.locator('.field-error').first().waitFor();
      assert.match((await card.locator('.field-error').first().textContent()) ?? '', /\S/);
      await page.getByTestId('field-error-performanceBand').waitFor();
      assert.equal(await page.getByTestId('policy-drc2-capacity').inputValue(), '-5', 'what was typed stays');
      assert.equal((await drc.get()).get('capacity'), before, 'nothing saved');
      await expectAccessible(page, 'assignment rules with errors');

      await page.getByTestId('policy-band').fill('0.1');
      await page.getByTestId('policy-drc2-capacity').fill(String(before + 7));
      await page.getByTestId('policy-save').click();
      await page.getByTestId('form-ok').waitFor({ timeout: 30_000 });
      assert.equal((await drc.get()).get('capacity'), before + 7);
      const settings = await firestore().collection(COL.settings).doc('assignmentPolicy').get();
      assert.equal(settings.get('version'), version + 1, 'a new version');
      const trail = await firestore().collection(COL.audit).where('entity', '==', 'drcs/drc2').get();
      assert.ok(
        trail.docs.some((d) => d.get('action') === 'drcTerms/save' && d.get('after')?.capacity === before + 7),
        'the change is on the DRC’s audit chain',
      );
      await shot(page, 'assignment-rules-saved');

      // Back as it was, so later tests place cases as before.
      await page.getByTestId('policy-drc2-capacity').fill(String(before));
      await page.getByTestId('policy-save').click();
      await page.getByText(`Saved as version ${version + 2}.`).waitFor({ timeout: 30_000 });
      assert.equal((await drc.get()).get('capacity'), before);
    },
  },
  {
    name: 'a DRC admin on a phone sees only their DRC and switches its RO assignment mode; a recovery officer reads the rules without controls',
    run: async ({ signIn }) => {
      const drc = firestore().collection(COL.drcs).doc('drc1');
      const before = ((await drc.get()).get('roAssignmentMode') as string | undefined) ?? 'manual';
      const next = before === 'least_loaded' ? 'round_robin' : 'least_loaded';
      const page = await signIn('drc1@demo.debtx', 360);
      await page.getByTestId('nav-assignment-rules').click();
      await page.getByTestId('policy-drc1-mode').waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId('policy-drc-drc2').count(), 0, 'no other DRC');
      assert.equal(await page.getByTestId('policy-save').count(), 0, 'terms are the administrator’s');
      await page.getByTestId('policy-drc1-mode').selectOption(next);
      await page.getByTestId('policy-drc1-mode-save').click();
      await page.getByTestId('policy-drc1-mode-saved').waitFor({ timeout: 30_000 });
      assert.equal((await drc.get()).get('roAssignmentMode'), next);
      await expectAccessible(page, 'assignment rules (DRC admin)');
      await expectNoSidewaysScroll(page, 'assignment rules (DRC admin)');
      await page.getByTestId('policy-drc1-mode').selectOption(before);
      await page.getByTestId('policy-drc1-mode-save').click();
      const mode = async () => (await drc.get()).get('roAssignmentMode') as unknown;
      await retry(mode, { attempts: 61, delayMs: () => 500, retryOnValue: (m) => m !== before });
      assert.equal((await drc.get()).get('roAssignmentMode'), before, 'back as it was');

      const officer = await signIn('officer@demo.debtx', 360);
      await officer.getByTestId('nav-assignment-rules').click();
      await officer.getByTestId('policy-drc-drc3').waitFor({ timeout: 60_000 });
      assert.equal(await officer.getByTestId('policy-save').count(), 0);
      assert.equal(await officer.getByTestId('policy-drc1-mode-save').count(), 0);
      assert.equal(await officer.getByTestId('policy-band').isDisabled(), true);
    },
  },
];
