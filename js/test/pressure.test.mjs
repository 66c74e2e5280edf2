// Memory under pressure (issue 10), each scenario in a fresh Node process
// without --expose-gc (js/test/pressure-child.mjs runs one of
// js/test/pressure-scenarios.mjs): dropped objects are reclaimed in time,
// live objects of every size end in a RangeError with the module healthy,
// freed memory is free again, huge batches and to_bytes near the limit are
// refused cleanly. The scenarios throw on any failure; the measurements are
// printed as a table. Heavy ones run under a lower budget (the test hook
// memoryLimitForTests); the 268 MB buffers and the 16 MiB ones run at the
// real 3 GiB budget.
//
//   node --test js/test/pressure.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./pressure-child.mjs', import.meta.url));
const MiB = 2 ** 20;
const rows = [];

after(() => console.log(`pressure measurements:\n${rows.map((r) => `  ${JSON.stringify(r)}`).join('\n')}`));

function run(scenario, options) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, scenario, JSON.stringify(options)], { timeout: 10 * 60_000, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${scenario} ${JSON.stringify(options)} failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()));
      });
  });
}

for (const [dim, count, boundMiB] of [[256, 20_000, 256], [1024, 5_000, 512], [8192, 1_000, 1024]]) {
  test(`${count} dropped WasmScopedLoRA(${dim}), one event-loop turn each, stay within ${boundMiB} MiB`, async () => {
    const r = await run('droppedObjects', { cls: 'WasmScopedLoRA', dim, count });
    rows.push(r);
    assert.ok(r.peakMiB <= boundMiB, `peak ${r.peakMiB} MiB`);
  });
}

test('dropped WasmMicroLoRA(256) stay flat', async () => {
  const r = await run('droppedObjects', { cls: 'WasmMicroLoRA', dim: 256, count: 20_000 });
  rows.push(r);
  assert.ok(r.peakMiB <= 64, `peak ${r.peakMiB} MiB`);
});

for (const size of ['WasmMicroLoRA(1)', 'WasmScopedLoRA(8192)', 'WasmTrajectoryBuffer(510, 8192)', 'WasmTrajectoryBuffer(512, 8192)']) {
  test(`live ${size} kept until a 256 MiB budget: a RangeError, the module healthy, every byte back after free()`, async () => {
    rows.push(await run('liveUntilLimit', { size, limit: 256 * MiB }));
  });
}

test('live WasmTrajectoryBuffer(510, 8192), just under 16 MiB each, kept until the real 3 GiB budget', async () => {
  const r = await run('liveUntilLimit', { size: 'WasmTrajectoryBuffer(510, 8192)' });
  rows.push(r);
  assert.ok(r.memoryMiB < 4096, `${r.memoryMiB} MiB of wasm memory`);
});

test('after 268 MB buffers filled the 3 GiB budget and were freed, one can be made again', async () => {
  rows.push(await run('bigAgainAfterFree', {}));
});

test('batches larger than the budget are a RangeError; ones that fit are applied; nothing is kept per adapter', async () => {
  rows.push(await run('hugeBatches', { limit: 64 * MiB, rows: 32 * MiB }));
});

test('to_bytes with less budget left than its state is a RangeError; with room it saves and restores', async () => {
  rows.push(await run('toBytesNearLimit', { capacity: 1000, dim: 1024 }));
});
