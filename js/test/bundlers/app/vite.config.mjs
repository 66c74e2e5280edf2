// Vite: nothing to add for the package; Vite emits the .wasm named by
// `new URL('./ruvector_learning.wasm', import.meta.url)` as a hashed asset.
// (assetsInlineLimit: 0 keeps it a file rather than a data: URL.)
import { defineConfig } from 'vite';

export default defineConfig({
  build: { outDir: 'dist/vite', emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
});
