import { findChromium, manualInstructions, provisionSteps, type Machine } from '../../../scripts/lib/browser';

/** `npm test` on a machine with Node and nothing else (docs/decisions/0023): which browser, or how to get one. */
const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

function machine(paths: string[], over: Partial<Machine> = {}): Machine {
  return {
    env: {},
    exists: (path) => paths.includes(path),
    playwrightChromium: PLAYWRIGHT,
    isRoot: false,
    hasAptGet: true,
    ...over,
  };
}

describe('browser provisioning', () => {
  it("finds Debian's chromium, then Chrome, then Playwright's download", () => {
    expect(findChromium(machine(['/usr/bin/chromium', PLAYWRIGHT]))).toEqual({
      path: '/usr/bin/chromium',
      how: 'installed',
    });
    expect(findChromium(machine(['/usr/bin/google-chrome-stable']))).toMatchObject({
      path: '/usr/bin/google-chrome-stable',
    });
    expect(findChromium(machine([PLAYWRIGHT]))).toEqual({ path: PLAYWRIGHT, how: "Playwright's download" });
    expect(findChromium(machine([]))).toBeNull();
  });

  it('a CHROMIUM_PATH that does not exist is said, not silently replaced by another browser', () => {
    const env = { CHROMIUM_PATH: '/opt/none/chrome' };
    expect(findChromium(machine(['/usr/bin/chromium'], { env }))).toEqual({
      problem: 'CHROMIUM_PATH is /opt/none/chrome, which does not exist',
    });
    expect(findChromium(machine(['/opt/none/chrome'], { env }))).toEqual({
      path: '/opt/none/chrome',
      how: 'CHROMIUM_PATH',
    });
  });

  it('as root with apt-get it installs Debian chromium first, then tries the Playwright download', () => {
    const steps = provisionSteps(machine([], { isRoot: true }), { fonts: false });
    expect(steps.map((s) => s.command.map((c) => c.slice(0, 2).join(' ')))).toEqual([
      ['apt-get update', 'apt-get install'],
      [expect.stringMatching(/playwright-core install$/)],
    ]);
    expect(steps[0]?.command[1]).toContain('chromium');
    expect(steps[0]?.command[1]).not.toContain('fonts-noto-core');
    expect(steps[0]?.say).toMatch(/installing Debian's chromium with apt-get/);
    expect(provisionSteps(machine([], { isRoot: true }), { fonts: true })[0]?.command[1]).toContain('fonts-noto-core');
  });

  it('without root (or without apt-get) it only tries the Playwright download, saying so', () => {
    for (const m of [machine([], { isRoot: false }), machine([], { isRoot: true, hasAptGet: false })]) {
      const steps = provisionSteps(m, { fonts: false });
      expect(steps).toHaveLength(1);
      expect(steps[0]?.say).toMatch(/downloading Playwright's Chromium/);
    }
  });

  it('when nothing works it names the exact commands to run', () => {
    expect(manualInstructions(machine([]))).toContain('sudo apt-get install -y chromium fonts-noto-core');
    expect(manualInstructions(machine([]))).toContain('npx playwright-core install --with-deps chromium');
    expect(manualInstructions(machine([], { hasAptGet: false }))).not.toContain('apt-get');
  });
});
