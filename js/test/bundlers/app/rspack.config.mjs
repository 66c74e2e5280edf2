// Rspack: as webpack, nothing to add for the package; it emits the .wasm named
// by `new URL('./ruvector_learning.wasm', import.meta.url)` as an asset.
import path from 'node:path';

export default {
  mode: 'production',
  entry: './main.js',
  output: { path: path.resolve('dist/rspack'), filename: 'main.js', clean: true },
  performance: { assetFilter: (file) => !file.endsWith('.wasm') },
};
