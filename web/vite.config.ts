import { defineConfig } from 'vite';

const port = Number(process.env.DEBTX_WEB_PORT ?? 5000);

// No React plugin: Vite 8 transforms TSX with oxc, told here to use React's automatic JSX runtime.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: { outDir: 'dist', sourcemap: true },
});
