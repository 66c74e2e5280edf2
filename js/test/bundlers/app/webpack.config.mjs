// webpack 5: nothing to add for the package. webpack emits the .wasm that
// `new URL('./ruvector_learning.wasm', import.meta.url)` names, as an asset
// with a hashed name, and rewrites the URL. `performance.assetFilter` only
// keeps the size hint (244 KiB) about that 2 MB .wasm out of the output.
import path from 'node:path';

export default {
  mode: 'production',
  entry: './main.js',
  output: { path: path.resolve('dist/webpack'), filename: 'main.js', clean: true },
  performance: { assetFilter: (file) => !file.endsWith('.wasm') },
};
