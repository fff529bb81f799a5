import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { COL, firestore } from '../../functions/src/data/db';
import type { InboxItem } from '../../functions/src/domain/notifications/plan';
import { NCOL } from '../../functions/src/services/notifications/store';
import { expectAccessible, expectNoSidewaysScroll } from './axe';
import { eventually } from '../lib/eventually';
import type { E2eTest } from './runBrowserTests';

const RO = 'demo-ro1';

/** An entry as the notification planner writes it (the delivery path itself is tested in notifications.e2e.ts). */
async function deliverToInbox(title: string): Promise<string> {
  const someCase = await firestore().collection(COL.cases).where('roId', '==', RO).limit(1).get();
  const id = `e2e-${randomUUID()}`;
  const item: InboxItem = {
    id,
    uid: RO,
    eventId: id,
    kind: 'promise_due',
    caseId: someCase.docs[0]?.id ?? null,
    title,
    body: 'The customer promised to pay today.',
    createdAt: new Date().toISOString(),
    readAt: null,
    unread: true,
  };
  await firestore().collection(NCOL.inbox).doc(id).set(item);
  return id;
}

const unreadInFirestore = async () =>
  (await firestore().collection(NCOL.inbox).where('uid', '==', RO).where('unread', '==', true).count().get()).data()
    .count;

async function bellShows(page: Page, count: number): Promise<void> {
  const expected = count > 99 ? '99+' : String(count);
  await page.waitForFunction(
    (want) => (document.querySelector('[data-testid="inbox-count"]')?.textContent ?? '0') === want,
    count === 0 ? '0' : expected,
    { timeout: 60_000 },
  );
}

/** In the browser: the bell, the inbox and the settings of an RO on a phone. */
export const inboxEndToEnd: E2eTest[] = [
  {
    name: 'an RO on a phone sees new notifications arrive on the bell, reads them, marks all read and fixes a mistyped SMS number in the settings',
    run: async ({ signIn, shot }) => {
      const first = await deliverToInbox('Promise due today: e2e first');
      const page = await signIn('ro1@demo.debtx', 360);
      await bellShows(page, await unreadInFirestore());

      // A notification that arrives while the page is open shows without a reload.
      const secondTitle = `Promise due today: e2e ${randomUUID().slice(0, 8)}`;
      await deliverToInbox(secondTitle);
      await bellShows(page, await unreadInFirestore());

      await page.getByTestId('inbox-bell').click();
      const list = page.getByTestId('inbox-list');
      await list.getByText(secondTitle).waitFor();
      await expectAccessible(page, 'inbox');
      await expectNoSidewaysScroll(page, 'inbox');
      await shot(page, 'inbox-phone');

      const before = await unreadInFirestore();
      const entry = page.getByTestId('inbox-item').filter({ hasText: 'e2e first' });
      await entry.getByTestId('inbox-mark-read').click();
      await bellShows(page, before - 1);
      // The bell drops at once; the server's copy follows when markInboxRead answers.
      const stored = await eventually(
        'the entry marked read on the server',
        async () => {
          const snap = await firestore().collection(NCOL.inbox).doc(first).get();
          return snap.get('unread') === false ? snap : null;
        },
        30_000,
        300,
      );
      assert.ok(stored.get('readAt'), 'with the time it was read');

      await page.getByTestId('inbox-mark-all').click();
      await page.getByTestId('inbox-count').waitFor({ state: 'detached', timeout: 60_000 });
      await eventually(
        'all read on the server',
        async () => ((await unreadInFirestore()) === 0 ? true : null),
        30_000,
        300,
      );
      await page.getByTestId('inbox-unread-only').check();
      await page.getByTestId('inbox-empty').waitFor();

      // Settings: a local number without the country code is refused beside the field, and kept.
      await page.getByTestId('inbox-preferences-link').click();
      await page.getByTestId('prefs-page').waitFor();
      await page.getByTestId('prefs-phone').fill('077 123 4567');
      await page.getByTestId('prefs-promise_due-email').setChecked(true);
      await page.getByTestId('prefs-quiet').setChecked(true);
      await page.getByTestId('prefs-quiet-start').fill('21:30');
      await page.getByTestId('prefs-save').click();
      await page.getByTestId('prefs-error-phone').waitFor();
      assert.match((await page.getByTestId('prefs-error-phone').textContent()) ?? '', /international number/);
      assert.equal(await page.getByTestId('prefs-phone').inputValue(), '077 123 4567', 'what was typed stays');
      assert.equal(await page.getByTestId('prefs-promise_due-email').isChecked(), true);
      await expectAccessible(page, 'notification settings with an error');
      await expectNoSidewaysScroll(page, 'notification settings');

      await page.getByTestId('prefs-phone').fill('+94 77 123 4567');
      await page.getByTestId('prefs-save').click();
      await page.getByTestId('form-ok').waitFor();
      await shot(page, 'notification-settings-phone');
      const prefs = await firestore().collection(NCOL.prefs).doc(RO).get();
      assert.equal(prefs.get('phone'), '+94771234567');
      assert.deepEqual(prefs.get('quietHours'), { start: '21:30', end: '07:00' });
      assert.equal(prefs.get('channels').promise_due.email, true);
      const audit = await firestore().collection(COL.audit).where('entity', '==', `${NCOL.prefs}/${RO}`).get();
      assert.ok(
        audit.docs.some((d) => d.get('action') === 'notificationPrefs/save'),
        'the change is audited',
      );

      // Reloaded, the form shows what was saved.
      await page.reload();
      await page.getByTestId('prefs-page').waitFor();
      assert.equal(await page.getByTestId('prefs-phone').inputValue(), '+94771234567');
      assert.equal(await page.getByTestId('prefs-quiet-start').inputValue(), '21:30');
    },
  },
];
