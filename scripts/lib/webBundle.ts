import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ID, ROOT, stackPorts } from './ports';

/**
 * The production bundle must carry no local-stack configuration (docs/decisions/0022): no demo API key, no demo
 * project, no emulator address. Pure scanning here; the build around it in buildAndScanWebBundle.
 */
export function localConfigMarkers(ports = stackPorts(), projectId = PROJECT_ID): string[] {
  const emulatorPorts = [ports.auth, ports.functions, ports.firestore, ports.pubsub];
  return [
    'demo-key',
    projectId,
    '127.0.0.1',
    ...emulatorPorts.flatMap((port) => [`localhost:${port}`, `127.0.0.1:${port}`]),
  ];
}

export interface BundleFile {
  name: string;
  text: string;
}

export interface Finding {
  file: string;
  marker: string;
  context: string;
}

interface SourceMap {
  sources?: string[];
  sourcesContent?: (string | null)[];
}

/**
 * Every marker found in what the browser runs (JS, HTML, CSS, JSON) and in the repository's own sources inside
 * the source maps. The maps' copies of third-party sources are left out: the Firebase SDK's doc comments show
 * emulator addresses as examples, and a comment configures nothing.
 */
export function scanBundle(files: BundleFile[], markers: string[]): Finding[] {
  const findings: Finding[] = [];
  const look = (file: string, text: string) => {
    for (const marker of markers) {
      const at = text.indexOf(marker);
      if (at >= 0) findings.push({ file, marker, context: text.slice(Math.max(0, at - 40), at + marker.length + 40) });
    }
  };
  for (const file of files) {
    if (!file.name.endsWith('.map')) {
      look(file.name, file.text);
      continue;
    }
    const map = JSON.parse(file.text) as SourceMap;
    (map.sources ?? []).forEach((source, i) => {
      if (source.includes('node_modules/')) return;
      look(`${file.name} (${source})`, map.sourcesContent?.[i] ?? '');
    });
  }
  return findings;
}

/** The bundle must read Hosting's reserved config: without it a deployed site would have no project. */
export function readsHostingConfig(files: BundleFile[]): boolean {
  return files.some((file) => !file.name.endsWith('.map') && file.text.includes('/__/firebase/init.json'));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export interface BundleCheck {
  ok: boolean;
  lines: string[];
  ms: number;
}

/**
 * `vite build` as a deployer runs it (no local-stack variables), into a temporary folder, then the scan.
 * Asynchronous so `npm test` can run it beside the typechecks (one core each).
 */
export async function buildAndScanWebBundle(): Promise<BundleCheck> {
  const started = Date.now();
  const out = mkdtempSync(join(tmpdir(), 'debtx-web-bundle-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')));
  const lines: string[] = [];
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(
        join(ROOT, 'node_modules', '.bin', 'vite'),
        ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
        { cwd: join(ROOT, 'web'), env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => resolve({ code, output }));
    });
    if (code !== 0) {
      lines.push(`vite build failed (exit ${code}):`, output.trim());
      return { ok: false, lines, ms: Date.now() - started };
    }
    const files = listFiles(out).map((file) => ({ name: relative(out, file), text: readFileSync(file, 'utf8') }));
    const findings = scanBundle(files, localConfigMarkers());
    for (const f of findings) lines.push(`${f.file}: holds "${f.marker}" … ${JSON.stringify(f.context)}`);
    const hosting = readsHostingConfig(files);
    if (!hosting) lines.push('the bundle never reads /__/firebase/init.json: a site on Hosting would have no project');
    const ok = findings.length === 0 && hosting;
    lines.push(
      ok
        ? `${files.length} files: no demo key, demo project or emulator address; reads Hosting's init.json`
        : 'the production bundle carries local-stack configuration (docs/decisions/0022)',
    );
    return { ok, lines, ms: Date.now() - started };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
