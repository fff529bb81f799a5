import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../lib/ports';
import { startStack, type Stack } from '../lib/stack';
import { caseEndToEnd } from './caseEndToEnd.e2e';
import { sourceSyncEndToEnd } from './sourceSync.e2e';
import { fieldWork } from './fieldWork.e2e';
import { jobBasket } from './jobBasket.e2e';
import { notificationsEndToEnd } from './notifications.e2e';
import { inboxEndToEnd } from './inbox.e2e';
import { rcmpDesk } from './rcmp.e2e';
import { assignmentRules } from './assignmentRules.e2e';
import { templatesScreen } from './templates.e2e';
import { phoneLayout } from './phoneLayout.e2e';
import { offlineReading } from './offlineReading.e2e';

export interface BrowserTally {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
  notRun: string[];
}

export interface E2eContext {
  stack: Stack;
  browser: Browser;
  shot(page: Page, name: string): Promise<void>;
  signIn(email: string, width?: number): Promise<Page>;
}

export type E2eTest = { name: string; fullOnly?: boolean; run(ctx: E2eContext): Promise<void> };

const SHOTS = join(ROOT, 'test-results');

/**
 * Waits until the offline stack's relay has worked off what the demo data left for the triggers (the seeded
 * notifications to deliver, placements of newly registered cases): tests that start during that burst measure the
 * machine's backlog, not the app. The relay picks its first documents up from listeners, so it is settled when a
 * pause brings nothing new.
 */
async function settled(stack: Awaited<ReturnType<typeof startStack>>, log: (line: string) => void): Promise<void> {
  const relay = stack.backend?.relay;
  if (!relay) return;
  const started = Date.now();
  let before = -1;
  while (before !== relay.handled) {
    before = relay.handled;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await relay.idle();
  }
  log(`relay settled: ${relay.handled} event(s) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Starts the local stack, runs each browser test in headless Chromium, stops everything. */
export async function runBrowserTests(options: { full: boolean; chromium: string }): Promise<BrowserTally> {
  const tally: BrowserTally = { passed: 0, failed: 0, skipped: 0, failures: [], notRun: [] };
  // DEBTX_E2E_ONLY=case|sync|field|basket|notify|inbox|rcmp|rules|templates|phone|offline runs one suite (for working on one screen).
  const only = process.env.DEBTX_E2E_ONLY;
  const suites: Record<string, E2eTest[]> = {
    case: caseEndToEnd,
    sync: sourceSyncEndToEnd,
    field: fieldWork,
    basket: jobBasket,
    notify: notificationsEndToEnd,
    inbox: inboxEndToEnd,
    rcmp: rcmpDesk,
    rules: assignmentRules,
    templates: templatesScreen,
    phone: phoneLayout,
    offline: offlineReading,
  };
  // Tests of one suite share state (a case carried from step to step); suites do not.
  const tests: (E2eTest & { suite: string })[] = Object.entries(suites).flatMap(([name, suite]) =>
    !only || only === name ? suite.map((test) => ({ ...test, suite: name })) : [],
  );
  mkdirSync(SHOTS, { recursive: true });
  const log = (line: string) => process.stdout.write(`  [stack] ${line}\n`);
  const stack = await startStack(log);
  await settled(stack, log);
  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const ctx: E2eContext = {
    stack,
    browser,
    shot: async (page, name) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    signIn: async (email, width = 1280) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      // Generous: the first call of each function starts a worker (the Functions emulator spawns one per function),
      // and on a loaded two-core build machine that has taken longer than Playwright's 30 s default.
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      await page.goto(stack.webUrl);
      await page.getByTestId('email').fill(email);
      await page.getByTestId('password').fill('debtx-demo');
      await page.getByTestId('sign-in').click();
      await page.getByTestId('who').waitFor();
      return page;
    },
  };
  try {
    let broken: string | null = null;
    for (const test of tests) {
      if (test.fullOnly && !(options.full || stack.kind === 'full')) {
        tally.skipped += 1;
        tally.notRun.push(`browser › ${test.name}`);
        continue;
      }
      if (broken === test.suite) {
        tally.failed += 1;
        tally.failures.push(`browser › ${test.name} (not reached: an earlier step failed)`);
        continue;
      }
      const started = Date.now();
      try {
        await test.run(ctx);
        tally.passed += 1;
        process.stdout.write(`  ✓ ${test.name} (${Date.now() - started} ms)\n`);
      } catch (error) {
        broken = test.suite;
        tally.failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        // The summary at the end carries the first line of the reason: a CI log is often read from its tail only.
        tally.failures.push(`browser › ${test.name} — ${message.split('\n')[0]?.slice(0, 300) ?? ''}`);
        process.stdout.write(`  ✕ ${test.name} (${Date.now() - started} ms)\n    ${message}\n`);
        // A picture of every open page at the moment of failure, for the person reading the log.
        const pages = browser.contexts().flatMap((c) => c.pages());
        await Promise.all(pages.map((p, i) => ctx.shot(p, `failure-${i}`).catch(() => undefined)));
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  return tally;
}
