// Vue 3 + Vite app using @dvc-kit/elements from its npm build (packages/elements/dist, resolved
// through the package's `exports` like any dependency). Vue is told that `dvc-*` tags are custom
// elements, so it leaves them to the browser and binds properties and events to them.
// The API root comes from VITE_DVC_API at build time (default: the `npm start` sandbox).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('dvc-') } } })],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
