// runtime-matrix.mjs — the package under every runtime of runtimes.mjs (the
// machine's Node 20, Node 22/24/26, Deno 2, Bun 1), from the machine's Node:
//   - each npm-installed binary is there and reports its pinned version;
//   - the seed README's examples (js/test/seed/*.mjs, importing
//     'ruvector-learning-wasm' by name) exit 0, write nothing to stderr and
//     print exactly what they print under the machine's Node (which
//     seed.test.mjs compares with the reference);
//   - the JS API suite (runtime-api.mjs) passes on both call paths: the
//     wasmexport fast path and RV_FAST_PATH=0.
// The Node versions also run every Node suite with `node --test` (the
// Makefile's test-node-versions target); Deno and Bun run this instead.
//
//   node --test js/test/runtime-matrix.mjs          (needs `make build runtimes`)
//   RUNTIMES=deno,bun node --test js/test/runtime-matrix.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO, RUNTIMES, installed, run, version } from './runtimes.mjs';

const SEED_DIR = path.join(REPO, 'js/test/seed');
const SEEDS = readdirSync(SEED_DIR).filter((f) => f.endsWith('.mjs')).sort();
const API = path.join(REPO, 'js/test/runtime-api.mjs');
const only = process.env.RUNTIMES?.split(',');
const SELECTED = RUNTIMES.filter((rt) => !only || only.includes(rt.name));
const [MACHINE] = RUNTIMES;

/** Fails with the child's output unless it exited 0 with an empty stderr. */
function assertClean(r, what) {
  const shown = `--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
  assert.equal(r.code, 0, `${what} exited ${r.code}${r.signal ? ` (${r.signal})` : ''}\n${shown}`);
  assert.equal(r.stderr, '', `${what} wrote to stderr\n${shown}`);
}

test('the runtime list names every runtime once', () => {
  assert.deepEqual(RUNTIMES.map((rt) => rt.name), [MACHINE.name, 'node22', 'node24', 'node26', 'deno', 'bun']);
  assert.equal(SEEDS.length, 4);
});

// What the machine's Node prints for each seed example: the expected output.
const expected = new Map();
test(`seed examples under ${MACHINE.name} (the expected output)`, async () => {
  for (const seed of SEEDS) {
    const r = await run(MACHINE, path.join(SEED_DIR, seed));
    assertClean(r, `${MACHINE.name} ${seed}`);
    expected.set(seed, r.stdout);
  }
});

for (const rt of SELECTED) {
  test(`${rt.name}`, { timeout: 900_000 }, async (t) => {
    await t.test(`installed, pinned ${rt.pinned}`, async () => {
      assert.ok(installed(rt), `${rt.bin} is missing: run \`make runtimes\``);
      assert.match(rt.pinned ?? '', /^\d+\.\d+\.\d+$/, `${rt.name}: no installed package version`);
      assert.equal(await version(rt), rt.pinned, `${rt.bin} --version`);
      const major = /^node(\d+)$/.exec(rt.name)?.[1];
      if (major) assert.equal(rt.pinned.split('.')[0], major, `${rt.name} is Node ${major}`);
    });

    for (const seed of SEEDS) {
      await t.test(`seed ${seed}`, async () => {
        const r = await run(rt, path.join(SEED_DIR, seed));
        assertClean(r, `${rt.name} ${seed}`);
        assert.ok(expected.has(seed), `no ${MACHINE.name} output for ${seed} to compare with`);
        assert.equal(r.stdout, expected.get(seed), `${rt.name} ${seed} prints differently from ${MACHINE.name}`);
      });
    }

    for (const fastPath of ['1', '0']) {
      await t.test(`API suite (RV_FAST_PATH=${fastPath})`, async () => {
        const r = await run(rt, API, { env: { RV_FAST_PATH: fastPath } });
        assertClean(r, `${rt.name} runtime-api.mjs`);
        const m = /^(\d+) passed, (\d+) failed$/m.exec(r.stdout);
        assert.ok(m, `no closing line in\n${r.stdout}`);
        assert.equal(Number(m[2]), 0, r.stdout);
        assert.ok(Number(m[1]) >= 40, `only ${m[1]} tests ran\n${r.stdout}`);
        t.diagnostic(`${rt.name} RV_FAST_PATH=${fastPath}: ${m[1]} passed in ${r.ms} ms`);
      });
    }
  });
}
