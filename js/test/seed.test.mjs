// The seed README's JavaScript examples (js/test/seed/*.mjs, verbatim from
// ruvnet/RuVector crates/ruvector-learning-wasm/README.md) run unchanged
// against this package: each runs as its own Node process, importing
// 'ruvector-learning-wasm' by name, which resolves to js/index.js through the
// package's self-reference (package.json "name" + "exports"). Each must exit
// 0, and each example that prints must print exactly what the same file
// prints against the reference, @ruvector/learning-wasm@0.1.29, whose name a
// module-resolution hook substitutes (the zero-allocation example cannot run
// there: the reference's objects have no `memory`).
//
//   node --test js/test/seed.test.mjs        (needs `make build` first)
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SEED_DIR = fileURLToPath(new URL('./seed/', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE_DIR = join(REPO, 'node_modules/@ruvector/learning-wasm');
const EXAMPLES = readdirSync(SEED_DIR).filter((f) => f.endsWith('.mjs')).sort();
// Examples that use what only this package has (`memory` on objects).
const OURS_ONLY = new Set(['02-zero-allocation.mjs']);

/** Runs `node ...args` in cwd; resolves to { code, stdout, stderr } (never rejects). */
function runNode(args, cwd) {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/**
 * Writes, into a new temp dir, a Node --import module that maps the specifier
 * 'ruvector-learning-wasm' to a shim over the reference package whose default
 * init() loads the reference's wasm with initSync (its own init() cannot
 * fetch a file: URL in Node 20). Returns { register, dir }.
 */
function writeReferenceHooks() {
  const dir = mkdtempSync(join(tmpdir(), 'seed-ref-'));
  const glue = pathToFileURL(join(REFERENCE_DIR, 'ruvector_learning_wasm.js')).href;
  const wasm = pathToFileURL(join(REFERENCE_DIR, 'ruvector_learning_wasm_bg.wasm')).href;
  const shim = pathToFileURL(join(dir, 'shim.mjs')).href;
  const hooks = pathToFileURL(join(dir, 'hooks.mjs')).href;
  writeFileSync(join(dir, 'shim.mjs'), [
    `import { readFileSync } from 'node:fs';`,
    `import { initSync } from ${JSON.stringify(glue)};`,
    `export * from ${JSON.stringify(glue)};`,
    `export default async function init() {`,
    `  return initSync({ module: readFileSync(new URL(${JSON.stringify(wasm)})) });`,
    `}`,
  ].join('\n'));
  writeFileSync(join(dir, 'hooks.mjs'), [
    `export async function resolve(specifier, context, next) {`,
    `  if (specifier === 'ruvector-learning-wasm') return { url: ${JSON.stringify(shim)}, shortCircuit: true };`,
    `  return next(specifier, context);`,
    `}`,
  ].join('\n'));
  writeFileSync(join(dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(hooks)});\n`);
  return { register: pathToFileURL(join(dir, 'register.mjs')).href, dir };
}

/** Fails the test, showing the child's output, unless it exited 0. */
function assertRan(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`);
}

test('the built package is present', () => {
  for (const f of ['js/index.js', 'js/wasm_exec.js', 'js/ruvector_learning.wasm']) {
    assert.ok(existsSync(join(REPO, f)), `${f} is missing: run \`make build\``);
  }
  assert.deepEqual(EXAMPLES, [
    '01-micro-lora.mjs', '02-zero-allocation.mjs', '03-scoped-lora.mjs', '04-trajectory-buffer.mjs',
  ]);
});

test('seed README examples run unchanged by package name', async (t) => {
  const ref = writeReferenceHooks();
  t.after(() => rmSync(ref.dir, { recursive: true, force: true }));

  for (const example of EXAMPLES) {
    await t.test(example, async () => {
      const file = join(SEED_DIR, example);
      const ours = await runNode([file], REPO);
      assertRan(ours, `node ${example}`);
      assert.equal(ours.stderr, '', `${example} wrote to stderr`);
      if (OURS_ONLY.has(example)) return;
      assert.notEqual(ours.stdout, '', `${example} printed nothing`);
      const theirs = await runNode(['--import', ref.register, file], REPO);
      assertRan(theirs, `node ${example} against the reference`);
      assert.equal(ours.stdout, theirs.stdout, `${example} prints differently from the reference`);
    });
  }
});

test('the zero-allocation example needs `memory`, which only this package has', async () => {
  const ref = writeReferenceHooks();
  try {
    const theirs = await runNode(['--import', ref.register, join(SEED_DIR, '02-zero-allocation.mjs')], REPO);
    assert.notEqual(theirs.code, 0, 'the reference unexpectedly ran the example');
    assert.match(theirs.stderr, /TypeError: Cannot read properties of undefined \(reading 'buffer'\)/);
  } finally {
    rmSync(ref.dir, { recursive: true, force: true });
  }
});
