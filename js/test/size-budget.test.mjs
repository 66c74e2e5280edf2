// The size budget: js/ruvector_learning.wasm must be at most SIZE_BUDGET
// (js/bench/floor.mjs, the one place it is set) times the size, in raw bytes,
// of a Go syscall/js hello world built with the same toolchain (`go` on PATH)
// and flags — the floor startup.mjs and `make size` report. The floor is
// built afresh in a temporary directory (removed afterwards), so it always
// matches the Go that built the wasm.
//
//   node --test js/test/size-budget.test.mjs     (after make build)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SIZE_BUDGET, withFloor } from '../bench/floor.mjs';

const WASM = fileURLToPath(new URL('../ruvector_learning.wasm', import.meta.url));

test(`js/ruvector_learning.wasm is at most ${SIZE_BUDGET} × the Go hello world floor (raw bytes)`, async (t) => {
  assert.ok(fs.existsSync(WASM), `${WASM} is missing: run make build first`);
  const ours = fs.statSync(WASM).size;
  const floor = await withFloor((hello) => fs.statSync(hello).size);
  const ratio = ours / floor;
  const n = (v) => v.toLocaleString('en-US');
  const line = `ours ${n(ours)} bytes, floor ${n(floor)} bytes: ratio ${ratio.toFixed(3)} (budget ${SIZE_BUDGET}, ` +
    `at most ${n(Math.floor(floor * SIZE_BUDGET))} bytes)`;
  t.diagnostic(line);
  assert.ok(ratio <= SIZE_BUDGET, `over the size budget: ${line}; ${n(ours - Math.floor(floor * SIZE_BUDGET))} bytes too many`);
});
