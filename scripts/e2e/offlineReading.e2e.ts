import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { COL, firestore } from '../../functions/src/data/db';
import type { CaseState } from '../../functions/src/domain/model/case';
import { eventually } from '../lib/eventually';
import type { E2eTest } from './runBrowserTests';

/**
 * Offline reading on an RO's phone (docs/decisions/0045): the app installs (manifest, icons, a service worker in
 * control); the basket and a case read online open again after a reload without a connection, with the age of
 * the copy shown; an action recorded offline on that copy is sent when the phone is back; sign-out leaves none
 * of the RO's copies on the device.
 */
const state: { ro?: Page; caseId?: string; account?: string; rev?: number } = {};

/** The IndexedDB database and store of web/src/offline/deviceCopies.ts. */
const DEVICE_DB = 'debtx-device';
const DEVICE_STORE = 'copies';

async function caseDoc(): Promise<CaseState> {
  return (await firestore().collection(COL.cases).doc(state.caseId!).get()).data() as CaseState;
}

/** The stored copy's case ids on the page's device (empty when there is no copy or no store). */
async function storedCaseIds(page: Page): Promise<string[]> {
  return page.evaluate(
    ([db, store]) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(db!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const conn = open.result;
          if (!conn.objectStoreNames.contains(store!)) {
            conn.close();
            resolve([]);
            return;
          }
          const all = conn.transaction(store!, 'readonly').objectStore(store!).getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            conn.close();
            type Copy = { queries: { queries: { queryKey: [string, { caseId?: string }] }[] } };
            resolve(
              (all.result as Copy[]).flatMap((c) =>
                c.queries.queries.filter((q) => q.queryKey[0] === 'getCase').map((q) => q.queryKey[1].caseId ?? ''),
              ),
            );
          };
        };
      }),
    [DEVICE_DB, DEVICE_STORE],
  );
}

async function openCase(page: Page): Promise<void> {
  await page.getByTestId('search').fill(state.account!);
  // The search's own answer (one row), not the row in the unfiltered page still shown: that answer is what is kept.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="case-row-"]').length === 1, null, {
    timeout: 60_000,
  });
  await page.getByTestId(`case-row-${state.account}`).first().click();
  await page.getByTestId('case-status').waitFor();
}

export const offlineReading: E2eTest[] = [
  {
    name: 'the web app is installable: its manifest and icons are served and a service worker controls the page',
    run: async ({ signIn, stack }) => {
      const page = await signIn('ro1@demo.debtx', 360);
      state.ro = page;
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      assert.ok(href, 'the page links a manifest');
      const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
      assert.equal(manifest.name, 'DebtX');
      assert.equal(manifest.display, 'standalone');
      assert.equal(manifest.theme_color, '#0b5cad');
      for (const size of ['192x192', '512x512']) {
        const icon = (manifest.icons as { src: string; sizes: string; purpose: string }[]).find(
          (i) => i.sizes === size && i.purpose === 'maskable',
        );
        assert.ok(icon, `a maskable ${size} icon`);
        const response = await page.request.get(new URL(icon.src, stack.webUrl).href);
        assert.equal(response.status(), 200, `${icon.src} is served`);
        assert.equal(response.headers()['content-type'], 'image/png');
      }
      const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? null);
      assert.ok(worker, 'a service worker is active');
      // The page loaded before its worker took control; from this load on, what it fetches goes through it.
      await page.reload();
      await page.getByTestId('who').waitFor();
      assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker controls the page');
    },
  },
  {
    name: 'an RO’s basket and case open after a reload without a connection, with the age of the copy',
    run: async ({ shot, stack }) => {
      const page = state.ro!;
      const mine = await firestore()
        .collection(COL.cases)
        .where('roId', '==', 'demo-ro1')
        .where('status', '==', 'NEGOTIATION')
        .get();
      const c = mine.docs.map((d) => d.data() as CaseState).find((x) => !x.hold);
      assert.ok(c, 'a seeded negotiation of ro1 without a hold');
      Object.assign(state, { caseId: c.id, account: c.accountNumber, rev: c.rev });
      await openCase(page);
      // Saved shortly after being read (deviceCopies.ts SAVE_DELAY_MS).
      const stored = await eventually('the opened case kept on the device', async () => {
        const ids = await storedCaseIds(page);
        return ids.includes(c.id) ? ids : null;
      });
      assert.deepEqual(stored, [c.id], 'the opened case, and no other, is kept');
      assert.equal(await page.getByTestId('data-age').count(), 0, 'no age note while the data is fresh');

      await page.context().setOffline(true);
      await page.reload();
      await page.getByTestId('case-status').waitFor();
      await page.getByTestId('data-age').filter({ hasText: 'Saved on this device' }).waitFor();
      await shot(page, 'e2e-offline-case');

      await page.goto(stack.webUrl);
      await page.getByTestId('data-age').filter({ hasText: 'Saved on this device' }).waitFor();
      assert.ok((await page.locator('[data-testid^="case-row-"]').count()) > 0, 'the basket shows the stored rows');
      await openCase(page);
      await page.getByTestId('data-age').waitFor();
      await shot(page, 'e2e-offline-basket-then-case');
    },
  },
  {
    name: 'an action recorded offline on the stored case is sent when the phone is back online',
    run: async ({ shot }) => {
      const page = state.ro!;
      // The actions are a list of buttons; the chosen result's form opens in its place.
      await page.locator('button[data-testid^="choose-"][data-testid$="-no_answer"]').first().click();
      const form = page.locator('form[data-testid^="action-"][data-testid$="-no_answer"]').first();
      const formId = await form.getAttribute('data-testid');
      assert.ok(formId, 'the stored case offers a "no answer" result');
      const channel = form.getByTestId('field-channel');
      if (await channel.count()) await channel.selectOption({ index: 1 });
      const notes = form.getByTestId('field-notes');
      if (await notes.count()) await notes.fill('Visited offline, nobody home');
      await form.locator('button[type="submit"]').click();
      await page.getByTestId('offline-queue').filter({ hasText: '1 action(s) waiting' }).waitFor();
      await shot(page, 'e2e-offline-queued');
      assert.equal((await caseDoc()).rev, state.rev, 'nothing reached the server while offline');

      await page.context().setOffline(false);
      await page.getByTestId('offline-queue').waitFor({ state: 'detached', timeout: 60_000 });
      assert.equal((await caseDoc()).rev, state.rev! + 1, 'the queued action was applied once');
      await page.getByTestId('data-age').waitFor({ state: 'detached', timeout: 20_000 });
    },
  },
  {
    name: 'sign-out leaves none of the RO’s copies on the device',
    run: async () => {
      const page = state.ro!;
      assert.ok((await storedCaseIds(page)).length > 0, 'copies were kept while signed in');
      await page.getByTestId('sign-out').click();
      await page.getByTestId('email').waitFor();
      await eventually('the stored copies removed', async () => ((await storedCaseIds(page)).length ? null : true));
      const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
      assert.deepEqual(
        databases.filter((name) => name.startsWith('firestore/')),
        [],
        'no Firestore cache is left (the full stack keeps one while signed in)',
      );
      await page.context().close();
    },
  },
];
