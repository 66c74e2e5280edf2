// esbuild: bundle as an ES module, then copy the package's .wasm next to the
// bundle. esbuild keeps `new URL('./ruvector_learning.wasm', import.meta.url)`
// as it is but does not copy the file, and in the bundle import.meta.url is
// the bundle's own URL, so the default init() finds the copy there.
//
//   node esbuild.build.mjs
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

await build({
  entryPoints: ['main.js'],
  bundle: true,
  format: 'esm',
  outfile: 'dist/esbuild/main.js',
  logLevel: 'warning',
});
const require = createRequire(import.meta.url);
copyFileSync(require.resolve('ruvector-learning-wasm/ruvector_learning.wasm'), 'dist/esbuild/ruvector_learning.wasm');
