// The package through the bundlers people use: Vite, webpack 5, Rspack,
// Rollup 4 and esbuild. Packs the repo (`npm pack`, whose prepack runs `make
// build`), installs the tarball by path into a scratch copy of app/
// (out/bundlers/app, inside the repo so that the bundlers, devDependencies
// here, resolve), and for each bundler:
//   - builds app/main.js, which imports 'ruvector-learning-wasm' by name, with
//     the bundler's recipe exactly as kept in app/ and quoted in the README
//     (vite.config.mjs, webpack.config.mjs, rspack.config.mjs,
//     rollup.config.mjs, esbuild.build.mjs; the README must quote each one
//     verbatim after a `<!-- recipe: js/test/bundlers/app/<file> -->` line);
//   - fails on ANY warning or error the bundler reports;
//   - checks that the output holds exactly one .wasm, byte-identical to the
//     package's;
//   - serves the output and runs it in a browser (engines.mjs; Chromium by
//     default): no console error or warning, the page fetched that one
//     .wasm, and every number compute.js computes there equals what the
//     same compute.js computes in Node against the repo's build (js/index.js).
//
//   node js/test/bundlers/run.mjs [--only=REGEX] [--engine=chromium|firefox|webkit]
//
// Prints one line per bundler and `N passed, N failed`; exits 1 on any failure.

import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from '../browser/engines.mjs';
import { startServer } from '../browser/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const APP_SRC = path.join(HERE, 'app');
const WORK = path.join(REPO, 'out/bundlers');
const APP = path.join(WORK, 'app');
const NAME = 'ruvector-learning-wasm';
const RESULT_TIMEOUT_MS = 60_000;

/** Runs a command; resolves to { code, stdout, stderr } (never rejects). */
function run(file, args, cwd, timeout = 600_000) {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout, maxBuffer: 32 << 20, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) =>
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr }));
  });
}

async function mustRun(file, args, cwd) {
  const r = await run(file, args, cwd);
  if (r.code !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.code}\n${r.stdout}${r.stderr}`);
  return r;
}

// ---- the bundlers: each returns the list of warnings/errors it reported ----

// webpack and Rspack share the compiler API and stats format.
async function webpackLike(compilerFn, configFile) {
  const { default: config } = await import(pathToFileURL(path.join(APP, configFile)).href);
  const stats = await new Promise((resolve, reject) => compilerFn(config, (err, s) => (err ? reject(err) : resolve(s))));
  const json = stats.toJson({ all: false, warnings: true, errors: true });
  return [...json.warnings, ...json.errors].map((w) => w.message);
}

const BUNDLERS = {
  async vite() {
    const { build, createLogger } = await import('vite');
    const problems = [];
    const base = createLogger('warn');
    const record = (kind) => (msg, opts) => (problems.push(`${kind}: ${msg}`), base[kind](msg, opts));
    const nodeEnv = process.env.NODE_ENV; // build sets it to 'production'
    await build({
      root: APP,
      configFile: path.join(APP, 'vite.config.mjs'),
      logLevel: 'warn',
      customLogger: { ...base, warn: record('warn'), warnOnce: record('warnOnce'), error: record('error') },
    }).finally(() => {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    });
    return problems;
  },
  async webpack() {
    const { default: webpack } = await import('webpack');
    return webpackLike(webpack, 'webpack.config.mjs');
  },
  async rspack() {
    const { rspack } = await import('@rspack/core');
    return webpackLike(rspack, 'rspack.config.mjs');
  },
  async rollup() {
    const { rollup } = await import('rollup');
    const { default: config } = await import(pathToFileURL(path.join(APP, 'rollup.config.mjs')).href);
    const problems = [];
    const bundle = await rollup({ ...config, onwarn: (w) => problems.push(`rollup: ${w.message}`) });
    try {
      await bundle.write(config.output);
    } finally {
      await bundle.close();
    }
    return problems;
  },
  async esbuild() {
    // The recipe is a script: run it as a user would; anything on stderr
    // (esbuild's warnings, logLevel 'warning') is a problem.
    const r = await run(process.execPath, ['esbuild.build.mjs'], APP);
    const problems = r.stderr.trim() ? [r.stderr.trim()] : [];
    if (r.code !== 0) problems.push(`node esbuild.build.mjs exited ${r.code}\n${r.stdout}`);
    return problems;
  },
};

// ---- checks -------------------------------------------------------------------

// Each bundler's recipe, as kept in app/ and quoted in the README.
const RECIPES = {
  vite: 'vite.config.mjs', webpack: 'webpack.config.mjs', rspack: 'rspack.config.mjs',
  rollup: 'rollup.config.mjs', esbuild: 'esbuild.build.mjs',
};

// The README quotes the recipe verbatim, in the code block after its
// `<!-- recipe: js/test/bundlers/app/<file> -->` marker.
function checkReadme(name) {
  const rel = path.relative(REPO, path.join(APP_SRC, RECIPES[name]));
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const marker = `<!-- recipe: ${rel} -->\n`;
  const at = readme.indexOf(marker);
  if (at < 0) return [`README.md does not quote ${rel} (no "${marker.trim()}")`];
  const block = /^```js\n([\s\S]*?)^```$/m.exec(readme.slice(at + marker.length));
  const file = readFileSync(path.join(APP_SRC, RECIPES[name]), 'utf8');
  return block?.[1] === file ? [] : [`README.md's quote of ${rel} differs from the file`];
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => statSync(path.join(dir, f)).isFile()).map(String);
}

// Exactly one .wasm in the output, identical to the installed package's.
function checkOutput(outDir) {
  const wasm = filesUnder(outDir).filter((f) => f.endsWith('.wasm'));
  if (wasm.length !== 1) return [`expected 1 .wasm in the output, found ${wasm.length}: ${wasm.join(', ')}`];
  const pkgWasm = readFileSync(path.join(APP, 'node_modules', NAME, 'js/ruvector_learning.wasm'));
  return readFileSync(path.join(outDir, wasm[0])).equals(pkgWasm) ? [] : [`${wasm[0]} differs from the package's .wasm`];
}

function compareValues(got, want) {
  const problems = [];
  for (const key of new Set([...Object.keys(want), ...Object.keys(got ?? {})])) {
    if (got?.[key] !== want[key]) {
      const clip = (v) => (String(v).length > 200 ? `${String(v).slice(0, 200)}…` : String(v));
      problems.push(`${key}: bundle gave ${clip(got?.[key])}, Node gave ${clip(want[key])}`);
    }
  }
  return problems;
}

async function runInBrowser(browser, outDir, expected) {
  const srv = await startServer({ root: outDir, capture: browser.needsCapture });
  let page;
  try {
    page = await browser.open(`${srv.url}/index.html`);
    const result = await page.waitForResult(RESULT_TIMEOUT_MS);
    const { problems } = await page.messages();
    if (!result.ok) problems.push(`init() failed: ${result.error ?? 'no memory'}`);
    if (result.wasm?.length !== 1) problems.push(`expected 1 .wasm request, saw ${JSON.stringify(result.wasm)}`);
    else if (!existsSync(path.join(outDir, new URL(result.wasm[0]).pathname))) problems.push(`fetched ${result.wasm[0]}, not in the output`);
    if (result.values) problems.push(...compareValues(result.values, expected));
    return problems;
  } catch (e) {
    const { problems } = (await page?.messages().catch(() => null)) ?? { problems: [] };
    return [...problems, `runner: ${e.message.split('\n')[0]}`];
  } finally {
    await page?.close();
    await srv.close();
  }
}

// ---- setup: pack, install into the scratch app, the expected numbers ------------

async function setUpApp() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(path.join(WORK, 'pack'), { recursive: true });
  await mustRun('npm', ['pack', '--pack-destination', path.join(WORK, 'pack')], REPO);
  const [tarball] = readdirSync(path.join(WORK, 'pack')).filter((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  cpSync(APP_SRC, APP, { recursive: true });
  await mustRun('npm', ['install', path.join(WORK, 'pack', tarball), '--no-audit', '--no-fund', '--offline', '--no-package-lock'], APP);
}

async function expectedValues() {
  const lib = await import(pathToFileURL(path.join(REPO, 'js/index.js')).href);
  await lib.default();
  const { compute } = await import(pathToFileURL(path.join(APP_SRC, 'compute.js')).href);
  return compute(lib);
}

async function main() {
  const argv = process.argv.slice(2);
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7);
  const engine = argv.find((a) => a.startsWith('--engine='))?.slice(9) ?? 'chromium';
  const names = Object.keys(BUNDLERS).filter((n) => !only || new RegExp(only).test(n));
  await setUpApp();
  const expected = await expectedValues();
  process.chdir(APP); // where a user runs the bundler; the recipes' paths are relative to it
  const browser = await launch(engine, { gc: false });
  console.log(`# ${NAME} from its packed tarball; bundles run in ${engine} ${browser.version}`);
  let passed = 0;
  let failed = 0;
  try {
    for (const name of names) {
      const started = Date.now();
      const outDir = path.join(APP, 'dist', name);
      const problems = checkReadme(name);
      try {
        problems.push(...(await BUNDLERS[name]()));
      } catch (e) {
        problems.push(`build failed: ${e.message}`);
      }
      if (existsSync(outDir)) {
        problems.push(...checkOutput(outDir));
        if (!existsSync(path.join(outDir, 'index.html'))) cpSync(path.join(APP, 'index.html'), path.join(outDir, 'index.html'));
        problems.push(...(await runInBrowser(browser, outDir, expected)));
      } else {
        problems.push(`no output in ${path.relative(REPO, outDir)}`);
      }
      const version = JSON.parse(readFileSync(path.join(REPO, 'node_modules', name === 'rspack' ? '@rspack/core' : name, 'package.json'), 'utf8')).version;
      const ok = problems.length === 0;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${`${name} ${version}`.padEnd(24)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      for (const p of problems) console.log(`       ! ${p.split('\n').join('\n         ')}`);
      ok ? passed++ : failed++;
    }
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`FAIL bundlers: ${e.stack ?? e}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
