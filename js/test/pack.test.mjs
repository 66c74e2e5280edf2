// The published package, end to end: `npm pack` in the repo root (its
// prepack script runs `make build`) must produce a tarball holding exactly the
// intended files; installed into a scratch app by path (it has no
// dependencies, so no network), it must load by name in Node with a bare
// `await init()`, run every class, expose its package.json, .wasm,
// wasm_exec.js and classic.js subpaths and nothing else, type-check a strict
// TypeScript file through its "types"/"exports", and run the seed README's
// examples (js/test/seed/*.mjs) exactly as they run in the repo.
//
//   node --test js/test/pack.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SEED_DIR = join(REPO, 'js/test/seed');
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const NAME = 'ruvector-learning-wasm';

const EXPECTED_FILES = [
  'LICENSE',
  'README.md',
  'docs/SEMANTICS.md',
  'js/classic.js',
  'js/index.js',
  'js/ruvector_learning.wasm',
  'js/wasm_exec.js',
  'package.json',
  'types/index.d.ts',
];

/** Runs a command; resolves to { code, stdout, stderr } (never rejects). */
function run(file, args, cwd, timeout = 120_000) {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs a command and fails the test, showing its output, unless it exits 0. */
async function mustRun(file, args, cwd, timeout) {
  const r = await run(file, args, cwd, timeout);
  const shown = [file, ...args].join(' ');
  assert.equal(r.code, 0, `${shown} (in ${cwd}) exited ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`);
  return r;
}

const node = (args, cwd) => mustRun(process.execPath, args, cwd);

/** `npm pack` into dir; returns the tarball's absolute path. */
async function pack(dir) {
  await mustRun('npm', ['pack', '--pack-destination', dir], REPO, 600_000);
  const tarballs = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
  assert.equal(tarballs.length, 1, `expected one tarball, got ${tarballs}`);
  return join(dir, tarballs[0]);
}

/** The tarball's file paths, without the leading `package/`, sorted. */
async function listTarball(tarball) {
  const { stdout } = await mustRun('tar', ['-tzf', tarball], REPO);
  return stdout.split('\n').filter(Boolean).map((p) => p.replace(/^package\//, '')).sort();
}

/** A scratch ES-module app with the tarball installed by path. */
async function makeApp(dir, tarball) {
  writeFileSync(join(dir, 'package.json'),
    JSON.stringify({ name: 'scratch-app', version: '1.0.0', private: true, type: 'module' }, null, 2));
  await mustRun('npm', ['install', tarball, '--no-audit', '--no-fund', '--offline', '--no-package-lock'], dir);
}

// The Node program run inside the scratch app: the package by name, no init argument.
const APP_SMOKE = `
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import init, { initSync, WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } from '${NAME}';

const out = await init();
assert.ok(out.memory instanceof WebAssembly.Memory, 'init() resolves to { memory }');

// WasmMicroLoRA, through both APIs.
const lora = new WasmMicroLoRA(4, 0.1, 0.01);
assert.equal(lora.memory, out.memory);
const y = lora.forward_array([1, 2, 3, 4]);
assert.ok(y instanceof Float32Array && y.length === 4);
new Float32Array(lora.memory.buffer, lora.get_input_ptr(), 4).set([0.1, 0.2, 0.3, 0.4]);
lora.forward();
lora.adapt();
lora.adapt_array(new Float32Array([0.1, -0.1, 0.2, -0.2]));
lora.adapt_with_reward(0.5);
assert.equal(lora.forward_count(), 2n);
assert.equal(lora.adapt_count(), 3n);
assert.ok(lora.delta_norm() > 0);
assert.equal(lora.param_count(), 2 * 256 + 2 * 4);
assert.throws(() => lora.adapt_array([1, 2, 3]), RangeError);
assert.throws(() => new WasmMicroLoRA('4'), TypeError);
lora.free();
lora.free();
assert.throws(() => lora.dim(), Error);

// WasmScopedLoRA.
const scoped = new WasmScopedLoRA(4);
scoped.forward_array(2, [1, 1, 1, 1]);
scoped.adapt_array(9, [0.1, 0.1, 0.1, 0.1]);
assert.equal(scoped.total_forward_count(), 1n);
assert.equal(scoped.total_adapt_count(), 1n);
assert.equal(WasmScopedLoRA.scope_name(2), 'HnswScan');
assert.equal(WasmScopedLoRA.scope_name(99), 'Unknown');
scoped[Symbol.dispose]();

// WasmTrajectoryBuffer.
const buffer = new WasmTrajectoryBuffer(10, 4);
buffer.record([1, 1, 1, 1], 2, 3, 100, 150);
assert.equal(buffer.total_count(), 1n);
assert.equal(buffer.len(), 1);
assert.equal(buffer.mean_improvement(), 0.5);
assert.equal(buffer.best_attention(), 3);
assert.equal(buffer.count_by_operator(2), 1);
buffer.free();

// Subpaths: package.json, the .wasm, wasm_exec.js and classic.js; nothing else.
const { default: pkg } = await import('${NAME}/package.json', { with: { type: 'json' } });
assert.equal(pkg.name, '${NAME}');
const wasmURL = new URL(import.meta.resolve('${NAME}/ruvector_learning.wasm'));
assert.match(wasmURL.pathname, /node_modules\\/${NAME}\\/js\\/ruvector_learning\\.wasm$/);
assert.ok(WebAssembly.validate(readFileSync(wasmURL)), 'the .wasm subpath is a valid module');
assert.equal(initSync({ module: readFileSync(wasmURL) }).memory, out.memory, 'initSync is idempotent');
assert.match(import.meta.resolve('${NAME}/wasm_exec.js'), /\\/js\\/wasm_exec\\.js$/);
assert.match(import.meta.resolve('${NAME}/classic.js'), /\\/js\\/classic\\.js$/);
assert.throws(() => import.meta.resolve('${NAME}/js/index.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
console.log('smoke ok');
`;

// A strict TypeScript file importing the package by name (types via "exports").
const APP_TS = `
import init, { initSync, WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer, type InitOutput } from '${NAME}';

const out: InitOutput = await init();
const memory: WebAssembly.Memory = out.memory;
using lora = new WasmMicroLoRA(4, 0.1, 0.01);
const y: Float32Array = lora.forward_array([1, 2, 3, 4]);
const n: bigint = lora.forward_count() + new WasmScopedLoRA(4).total_adapt_count();
const name: string = WasmScopedLoRA.scope_name(2);
const buffer = new WasmTrajectoryBuffer(10, 4);
buffer.record(y, 2, 0, 100, 150);
const empty: boolean = buffer.is_empty();
initSync({ module: new Uint8Array(0) });
// @ts-expect-error dim must be a number
new WasmMicroLoRA('4');
console.log(memory, n, name, empty);
`;

/** tsconfig for the scratch app: strict, resolving the package from node_modules only. */
function appTsconfig(moduleResolution) {
  return {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'ESNext.Disposable'],
      module: moduleResolution === 'bundler' ? 'esnext' : 'nodenext',
      moduleResolution,
      types: [],
      skipLibCheck: false,
    },
    files: ['app.ts'],
  };
}

test('npm pack → install → use by name', { timeout: 900_000 }, async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'ruvector-pack-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const packDir = join(tmp, 'pack');
  const appDir = join(tmp, 'app');
  mkdirSync(packDir);
  cpSync(SEED_DIR, appDir, { recursive: true }); // the seed examples, run from inside the app

  const tarball = await pack(packDir);

  await t.test('the tarball holds exactly the intended files', async () => {
    const files = await listTarball(tarball);
    assert.deepEqual(files, EXPECTED_FILES);
    assert.ok(!files.some((f) => /^(internal|testdata|node_modules|cmd|js\/test|js\/demo)\//.test(f)));
  });

  await makeApp(appDir, tarball);

  await t.test('init() with no argument and every class, by package name', async () => {
    writeFileSync(join(appDir, 'smoke.mjs'), APP_SMOKE);
    const { stdout } = await node(['smoke.mjs'], appDir);
    assert.match(stdout, /smoke ok/);
  });

  for (const resolution of ['nodenext', 'bundler']) {
    await t.test(`the packaged types resolve by name (moduleResolution ${resolution})`, async () => {
      const dir = join(appDir, `ts-${resolution}`);
      mkdirSync(dir);
      cpSync(join(appDir, 'package.json'), join(dir, 'package.json'));
      writeFileSync(join(dir, 'app.ts'), APP_TS);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(appTsconfig(resolution), null, 2));
      const { stdout } = await node([TSC, '-p', dir, '--listFiles'], dir);
      assert.match(stdout, new RegExp(`node_modules/${NAME}/types/index\\.d\\.ts`));
    });
  }

  await t.test('the seed README examples run in the app as in the repo', async () => {
    const examples = readdirSync(SEED_DIR).filter((f) => f.endsWith('.mjs')).sort();
    assert.equal(examples.length, 4);
    for (const example of examples) {
      const inApp = await node([join(appDir, example)], appDir);
      const inRepo = await node([join(SEED_DIR, example)], REPO);
      assert.equal(inApp.stdout, inRepo.stdout, `${example} prints differently when installed`);
      assert.equal(inApp.stderr, '', `${example} wrote to stderr`);
    }
  });
});
