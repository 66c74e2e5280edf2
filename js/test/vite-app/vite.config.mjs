// Vite config for the test app. No alias: 'ruvector-learning-wasm' resolves
// through the repo package.json's "name" + "exports" (package self-reference).
// vite.mjs passes root and outDir.

import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  clearScreen: false,
  build: {
    target: 'es2022',
    // Keep the wasm a separate file (never a data: URL), as a real app would.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
