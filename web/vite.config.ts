import { defineConfig } from 'vite';

const port = Number(process.env.DEBTX_WEB_PORT ?? 5000);
// The local stack serves the web from Vite, not the Hosting emulator: /api goes to the api function as Hosting's
// rewrite does in production (firebase.json).
const functionsUrl = `http://127.0.0.1:${process.env.VITE_FUNCTIONS_EMULATOR_PORT ?? 5001}`;
const apiProxy = {
  '/api': {
    target: functionsUrl,
    rewrite: (path: string) =>
      `/${process.env.VITE_PROJECT_ID ?? 'demo-debtx'}/asia-south1/api${path.replace(/^\/api/, '')}`,
  },
};

// No React plugin: Vite 8 transforms TSX with oxc, told here to use React's automatic JSX runtime.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  server: { host: '127.0.0.1', port, strictPort: true, proxy: apiProxy },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: { outDir: 'dist', sourcemap: true },
});
