/**
 * `npm run screenshots`: every main screen at desktop and phone width, into docs/screenshots/.
 * Uses a running local stack (`npm start`) when there is one, otherwise starts one.
 * `npm run screenshots -- customer-360 rcmp` takes only the shots named.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ensureChromium } from './lib/browser';
import { portInUse, ROOT, stackPorts } from './lib/ports';
import { DEMO_C360_ACCOUNT } from './lib/seedDemo';
import { startStack, type Stack } from './lib/stack';

const OUT = join(ROOT, 'docs', 'screenshots');
const WIDTHS = { desktop: 1280, phone: 360 } as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const executablePath = ensureChromium((line) => console.log(`[browser] ${line}`), { fonts: true });
  const ports = stackPorts();
  let stack: Stack | null = null;
  if (!(await portInUse(ports.web))) stack = await startStack((l) => console.log(`[stack] ${l}`));
  const base = `http://127.0.0.1:${ports.web}`;
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const shots: { name: string; user: string | null; go: (page: Page) => Promise<void> }[] = [
    { name: 'sign-in', user: null, go: async () => {} },
    { name: 'officer-cases', user: 'officer', go: async (p) => void (await p.getByTestId('cases-table').waitFor()) },
    {
      name: 'officer-case',
      user: 'officer',
      go: async (p) => {
        await p.locator('[data-testid^="case-row-"]').first().click();
        await p.getByTestId('timeline').waitFor();
      },
    },
    {
      name: 'customer-360',
      user: 'officer',
      go: async (p) => {
        await p.getByTestId('cases-table').waitFor({ timeout: 30_000 });
        await p.getByTestId('search').fill(DEMO_C360_ACCOUNT);
        await p.getByTestId(`case-row-${DEMO_C360_ACCOUNT}`).first().click({ timeout: 30_000 });
        // The first call of a function on a freshly started emulator can take a while.
        await p.getByTestId('c360-cases').waitFor({ timeout: 60_000 });
        await p.getByTestId('customer-360').evaluate((el) => el.scrollIntoView());
      },
    },
    { name: 'ro-cases', user: 'ro1', go: async (p) => void (await p.getByTestId('cases-table').waitFor()) },
    {
      name: 'ro-case',
      user: 'ro1',
      go: async (p) => {
        await p.locator('[data-testid^="case-row-"]').first().click();
        await p.getByTestId('case-status').waitFor();
      },
    },
    {
      name: 'ro-case-sinhala',
      user: 'ro1',
      go: async (p) => {
        await p.getByTestId('language').selectOption('si');
        await p.locator('[data-testid^="case-row-"]').first().click();
        await p.getByTestId('case-status').waitFor();
      },
    },
    {
      name: 'ro-case-tamil',
      user: 'ro1',
      go: async (p) => {
        await p.getByTestId('language').selectOption('ta');
        await p.locator('[data-testid^="case-row-"]').first().click();
        await p.getByTestId('case-status').waitFor();
      },
    },
    { name: 'register', user: 'officer', go: async (p) => void (await p.getByTestId('nav-register').click()) },
    {
      name: 'officer-basket-counter',
      user: 'officer',
      go: async (p) => {
        await p.getByTestId('counter-promisesDue-count').filter({ hasNotText: '…' }).waitFor({ timeout: 20_000 });
        await p.getByTestId('counter-notFollowedUp').click();
        await p.getByTestId('counter-on').waitFor();
        await p.getByTestId('cases-table').waitFor();
      },
    },
    {
      name: 'drc-basket-sinhala',
      user: 'drc1',
      go: async (p) => {
        await p.getByTestId('language').selectOption('si');
        await p.getByTestId('cases-table').waitFor();
        await p.getByTestId('counter-promisesDue-count').filter({ hasNotText: '…' }).waitFor({ timeout: 20_000 });
      },
    },
    {
      name: 'ro-basket-tamil',
      user: 'ro2',
      go: async (p) => {
        await p.getByTestId('language').selectOption('ta');
        await p.getByTestId('cases-table').waitFor();
        await p.getByTestId('counter-promisesDue-count').filter({ hasNotText: '…' }).waitFor({ timeout: 20_000 });
      },
    },
    {
      name: 'rcmp-approvals',
      user: 'rcmp',
      go: async (p) => void (await p.getByTestId('tab-approvals').waitFor({ timeout: 20_000 })),
    },
    {
      name: 'rcmp',
      user: 'rcmp',
      go: async (p) => {
        await p.getByTestId('nav-rcmp').click();
        await p.locator('[data-testid^="cpe-item-"]').first().waitFor({ timeout: 20_000 });
      },
    },
    {
      name: 'board-mediation',
      user: 'board',
      go: async (p) => void (await p.getByTestId('tab-mediation').waitFor({ timeout: 20_000 })),
    },
    {
      name: 'dashboard',
      user: 'supervisor',
      go: async (p) => {
        await p.getByTestId('nav-dashboard').click();
        await p.getByTestId('dash-open').waitFor({ timeout: 30_000 });
      },
    },
    {
      name: 'bulk-upload',
      user: 'officer',
      go: async (p) => {
        await p.getByTestId('nav-imports').click();
        const csv = 'account,action\n0000000951,arrears\n0000000952,arrears_cpe\nnot-an-account,arrears\n';
        await p
          .getByTestId('import-file')
          .setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await p.getByTestId('import-upload').click();
        await p.getByTestId('import-state').filter({ hasText: 'Finished' }).waitFor({ timeout: 60_000 });
      },
    },
    {
      name: 'case-types',
      user: 'admin',
      go: async (p) => {
        await p.getByTestId('nav-case-types').click();
        await p.getByTestId('case-types-table').waitFor();
      },
    },
    {
      name: 'case-type-debtx',
      user: 'admin',
      go: async (p) => {
        await p.getByTestId('nav-case-types').click();
        await p.getByTestId('case-type-row-debtx_telco-1').getByRole('link').first().click();
        await p.getByTestId('case-type-diagram').locator('svg').waitFor({ timeout: 30_000 });
      },
    },
    {
      name: 'notification-routing',
      user: 'admin',
      go: async (p) => {
        await p.getByTestId('nav-routing').click();
        await p.getByTestId('routing-page').waitFor();
      },
    },
    {
      name: 'notification-templates',
      user: 'admin',
      go: async (p) => {
        await p.getByTestId('nav-templates').click();
        await p.getByTestId('templates-page').waitFor();
        await p.getByTestId('templates-message').selectOption('promise_due.customer');
      },
    },
    {
      name: 'assignment-rules',
      user: 'admin',
      go: async (p) => {
        await p.getByTestId('nav-assignment-rules').click();
        await p.getByTestId('policy-drc-drc1').waitFor({ timeout: 60_000 });
      },
    },
    {
      name: 'ro-inbox',
      user: 'ro1',
      go: async (p) => {
        await p.getByTestId('inbox-bell').click();
        await p.getByTestId('inbox-summary').waitFor();
        await p.getByTestId('inbox-item').first().waitFor({ timeout: 20_000 });
      },
    },
    {
      name: 'notification-settings',
      user: 'drc1',
      go: async (p) => {
        await p.getByTestId('inbox-bell').click();
        await p.getByTestId('inbox-preferences-link').click();
        await p.getByTestId('prefs-table').waitFor();
      },
    },
  ];
  const only = process.argv.slice(2);
  for (const [size, width] of Object.entries(WIDTHS)) {
    for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.name))) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(base);
      if (shot.user) {
        await page.getByTestId('email').fill(`${shot.user}@demo.debtx`);
        await page.getByTestId('password').fill('debtx-demo');
        await page.getByTestId('sign-in').click();
        await page.getByTestId('who').waitFor({ timeout: 20_000 });
      } else {
        await page.getByTestId('email').waitFor();
      }
      try {
        await shot.go(page);
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(OUT, `${shot.name}-${size}.png`), fullPage: false });
        console.log(`docs/screenshots/${shot.name}-${size}.png`);
      } catch (error) {
        console.error(`${shot.name} (${size}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await context.close();
    }
  }
  await browser.close();
  await stack?.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
