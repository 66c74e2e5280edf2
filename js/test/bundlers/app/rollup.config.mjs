// Rollup 4: two plugins. @rollup/plugin-node-resolve finds the package in
// node_modules (through its package.json "exports"), and
// @web/rollup-plugin-import-meta-assets emits the .wasm that
// `new URL('./ruvector_learning.wasm', import.meta.url)` names, as an asset,
// and rewrites the URL (Rollup alone leaves the URL pointing at a file it
// never copies, so the page would 404).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

export default {
  input: 'main.js',
  output: { dir: 'dist/rollup', format: 'es' },
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
