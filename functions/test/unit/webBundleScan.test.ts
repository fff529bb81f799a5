import { localConfigMarkers, readsHostingConfig, scanBundle } from '../../../scripts/lib/webBundle';

/** The production-bundle check that `npm test` runs after `vite build` (docs/decisions/0022). */
const ports = { auth: 9099, functions: 5001, firestore: 8080, pubsub: 8085, web: 5000 };
const markers = localConfigMarkers(ports, 'demo-debtx');

describe('web production bundle scan', () => {
  it('finds the demo key, the demo project and emulator addresses in what the browser runs', () => {
    const findings = scanBundle(
      [
        { name: 'assets/index.js', text: 'initializeApp({apiKey:`demo-key`,projectId:`demo-debtx`})' },
        { name: 'assets/App.js', text: 'connectAuthEmulator(a,`http://localhost:9099`)' },
        { name: 'index.html', text: '<script src="http://127.0.0.1:5001/x"></script>' },
      ],
      markers,
    );
    expect(findings.map((f) => `${f.file} ${f.marker}`)).toEqual([
      'assets/index.js demo-key',
      'assets/index.js demo-debtx',
      'assets/App.js localhost:9099',
      'index.html 127.0.0.1',
      'index.html 127.0.0.1:5001',
    ]);
  });

  it("reads the repository's sources in the source maps but not the SDK's doc comments", () => {
    const map = JSON.stringify({
      sources: ['../node_modules/@firebase/auth/dist/index.ts', '../web/src/firebase.ts'],
      sourcesContent: ["// connectAuthEmulator(auth, 'http://127.0.0.1:9099')", "apiKey: 'demo-key'"],
    });
    const findings = scanBundle([{ name: 'assets/index.js.map', text: map }], markers);
    expect(findings.map((f) => f.file)).toEqual(['assets/index.js.map (../web/src/firebase.ts)']);
  });

  it('a clean bundle passes only if it reads Hosting init.json', () => {
    const clean = [{ name: 'assets/index.js', text: 'fetch(`/__/firebase/init.json`)' }];
    expect(scanBundle(clean, markers)).toEqual([]);
    expect(readsHostingConfig(clean)).toBe(true);
    expect(readsHostingConfig([{ name: 'a.js.map', text: '/__/firebase/init.json' }])).toBe(false);
  });
});
