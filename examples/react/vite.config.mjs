// React 19 + Vite app using @dvc-kit/elements from its npm build (packages/elements/dist, resolved
// through the package's `exports` like any dependency). JSX through esbuild's automatic runtime.
// The API root comes from VITE_DVC_API at build time (default: the `npm start` sandbox).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
