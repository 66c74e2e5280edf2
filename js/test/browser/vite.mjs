// Builds js/test/vite-app with Vite's JS API into `outDir` and checks the
// output in Node: exactly one emitted .wasm asset, byte-identical to
// js/ruvector_learning.wasm. run.mjs then serves outDir and loads it.
// startViteDev() serves the same app from Vite's dev server instead.
//
// CLI: node js/test/browser/vite.mjs [outDir]

import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../../..');
export const APP = path.join(REPO, 'js/test/vite-app');

// Returns a list of problems (empty = the build looks right).
export async function buildViteApp(outDir) {
  const { build, createLogger } = await import('vite');
  const warnings = [];
  const nodeEnv = process.env.NODE_ENV; // build sets it to 'production'
  await build({
    root: APP,
    configFile: path.join(APP, 'vite.config.mjs'),
    logLevel: 'warn',
    customLogger: collectingLogger(createLogger('warn'), warnings),
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { onwarn: (w) => warnings.push(`rollup: ${w.message}`) },
    },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
  return [...warnings, ...(await checkEmittedWasm(outDir))];
}

// A Vite logger that also records warnings and errors as problems.
function collectingLogger(logger, into) {
  return {
    ...logger,
    warn: (msg, opts) => (into.push(`vite: ${msg}`), logger.warn(msg, opts)),
    warnOnce: (msg, opts) => (into.push(`vite: ${msg}`), logger.warnOnce(msg, opts)),
    error: (msg, opts) => (into.push(`vite: ${msg}`), logger.error(msg, opts)),
  };
}

// Vite's dev server for the app on 127.0.0.1 (random port): { url, close }.
export async function startViteDev() {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: APP,
    configFile: path.join(APP, 'vite.config.mjs'),
    mode: 'development',
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const url = server.resolvedUrls.local[0].replace(/\/$/, '');
  return { url, close: () => server.close() };
}

async function checkEmittedWasm(outDir) {
  const assets = await readdir(path.join(outDir, 'assets')).catch(() => []);
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  if (wasm.length !== 1) return [`expected 1 emitted .wasm asset, found ${wasm.length}: ${assets.join(', ')}`];
  const [built, source] = await Promise.all([
    readFile(path.join(outDir, 'assets', wasm[0])),
    readFile(path.join(REPO, 'js/ruvector_learning.wasm')),
  ]);
  return built.equals(source) ? [] : [`assets/${wasm[0]} differs from js/ruvector_learning.wasm`];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const outDir = path.resolve(process.argv[2] ?? path.join(REPO, 'out/vite-app'));
  const problems = await buildViteApp(outDir);
  for (const p of problems) console.error(p);
  console.log(problems.length ? 'vite build: problems found' : `vite build ok: ${outDir}`);
  process.exit(problems.length ? 1 : 0);
}
