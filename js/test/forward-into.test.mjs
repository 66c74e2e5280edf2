// forward_array(x, out) and scoped forward_array(op, x, out): the result goes
// into the caller's Float32Array of dim() values, which is returned; bit for
// bit the allocating call's result, one forward counted. A wrong length is a
// RangeError, anything but a Float32Array a TypeError, and on either nothing
// is counted. The same for forward_batch(xs, out) and scoped
// forward_batch(op, xs, out), whose out is xs.length long. On both paths,
// and through the bare globals.
//
//   node --test js/test/forward-into.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPaths } from './robust-helpers.mjs';
import { vec, bitsOf, thrownBy, errorKind, showError } from './robust-values.mjs';

const PATHS = await loadPaths();
const D = 16;

/** [class, make(lib): a trained object, call(o, x, out?), forwards(o)] for both LoRA classes. */
const CASES = [
  ['WasmMicroLoRA', (l) => {
    const o = new l.WasmMicroLoRA(D, 0.5, 0.1);
    o.adapt_array(vec(D, 9));
    return o;
  }, (o, ...a) => o.forward_array(...a), (o) => o.forward_count()],
  ['WasmScopedLoRA', (l) => {
    const o = new l.WasmScopedLoRA(D, 0.5, 0.1);
    o.adapt_array(5, vec(D, 9));
    return o;
  }, (o, ...a) => o.forward_array(5, ...a), (o) => o.forward_count(5)],
];

for (const p of Object.values(PATHS)) {
  for (const [cls, make, call, forwards] of CASES) {
    test(`[${p.name}] ${cls}.forward_array(x, out) fills and returns out, bit for bit the allocating call`, () => {
      const a = make(p.lib), b = make(p.lib);
      const out = new Float32Array(D).fill(7);
      for (const x of [vec(D, 1), Array.from(vec(D, 2)), new Float64Array(vec(D, 3))]) {
        const r = call(a, x, out);
        assert.equal(r, out, 'returns out itself');
        assert.equal(bitsOf(out), bitsOf(call(b, x)));
      }
      assert.equal(forwards(a), 3n, 'one forward each');
      let leaked = null;
      class Grabber extends Float32Array { set(src) { leaked = src; } } // must never see wasm memory
      const grab = new Grabber(D);
      assert.equal(call(a, vec(D, 5), grab), grab);
      assert.equal(leaked, null, 'the subclass\'s set() is not called');
      assert.equal(bitsOf(grab), bitsOf(call(b, vec(D, 5))));
      const view = new Float32Array(new ArrayBuffer(4 * (D + 3)), 8, D); // an offset view works too
      assert.equal(call(a, vec(D, 4), view), view);
      assert.equal(bitsOf(view), bitsOf(call(b, vec(D, 4))));
      a.free();
      b.free();
    });

    test(`[${p.name}] ${cls}.forward_array(x, out) refuses a wrong out, counting nothing`, () => {
      const a = make(p.lib);
      const detached = new Float32Array(D);
      structuredClone(detached.buffer, { transfer: [detached.buffer] });
      for (const [kind, out] of [
        ['RangeError', new Float32Array(D - 1)], ['RangeError', new Float32Array(D + 1)], ['RangeError', detached],
        ['TypeError', new Float64Array(D)], ['TypeError', Array.from(vec(D, 1))], ['TypeError', null], ['TypeError', 3],
      ]) {
        const e = thrownBy(() => call(a, vec(D, 1), out));
        assert.equal(errorKind(e), kind, showError(e));
        assert.match(e.message, new RegExp(`^${cls}\\.forward_array: out .* \\(got .+\\)$`));
      }
      assert.equal(forwards(a), 0n, 'nothing counted');
      a.free();
    });
  }
}

test('the bare globals take out as well', () => {
  const { WasmMicroLoRA } = globalThis; // the Go-registered class of the latest runtime
  const a = new WasmMicroLoRA(D, 0.5, 0.1), b = new WasmMicroLoRA(D, 0.5, 0.1);
  const out = new Float32Array(D);
  assert.equal(a.forward_array(vec(D, 1), out), out);
  assert.equal(bitsOf(out), bitsOf(b.forward_array(vec(D, 1))));
  const e = a.forward_array(vec(D, 1), new Float32Array(2));
  assert.ok(e instanceof RangeError, showError(e));
  assert.match(e.message, /^WasmMicroLoRA\.forward_array: out must have length dim\(\) = 16 \(got Float32Array of length 2\)$/);
  assert.equal(a.forward_count(), 1n);
  a.free();
  b.free();
});

/** [class, make(lib), batch(o, xs, out?), forwards(o)] for both LoRA classes' forward_batch. */
const BATCHES = CASES.map(([cls, make, , forwards]) => [cls, make,
  cls === 'WasmMicroLoRA' ? (o, ...a) => o.forward_batch(...a) : (o, ...a) => o.forward_batch(5, ...a), forwards]);

/** rows(n, seed): n rows of D values, back to back. */
function rows(n, seed) {
  const xs = new Float32Array(n * D);
  for (let i = 0; i < n; i++) xs.set(vec(D, seed + i), i * D);
  return xs;
}

for (const p of Object.values(PATHS)) {
  for (const [cls, make, batch, forwards] of BATCHES) {
    test(`[${p.name}] ${cls}.forward_batch(xs, out) fills and returns out, bit for bit the allocating call`, () => {
      const a = make(p.lib), b = make(p.lib);
      for (const n of [0, 1, 3, 40]) {
        const xs = rows(n, n), out = new Float32Array(n * D).fill(7);
        assert.equal(batch(a, xs, out), out, 'returns out itself');
        assert.equal(bitsOf(out), bitsOf(batch(b, xs)), `${n} rows`);
      }
      assert.equal(forwards(a), 44n, 'one forward per row');
      const xs = rows(2, 9);
      const same = xs.slice();
      assert.equal(batch(a, same, same), same, 'out may be the inputs themselves');
      assert.equal(bitsOf(same), bitsOf(batch(b, xs)));
      let leaked = null;
      class Grabber extends Float32Array { set(src) { leaked = src; } } // must never see wasm memory
      const grab = new Grabber(2 * D);
      assert.equal(batch(a, Array.from(xs), grab), grab);
      assert.equal(leaked, null, 'the subclass\'s set() is not called');
      assert.equal(bitsOf(grab), bitsOf(batch(b, xs)));
      a.free();
      b.free();
    });

    test(`[${p.name}] ${cls}.forward_batch(xs, out) refuses a wrong out, counting nothing`, () => {
      const a = make(p.lib);
      const detached = new Float32Array(2 * D);
      structuredClone(detached.buffer, { transfer: [detached.buffer] });
      for (const [kind, out, text] of [
        ['RangeError', new Float32Array(D), 'must have length inputs\\.length = 32'],
        ['RangeError', new Float32Array(2 * D + 1), 'must have length inputs\\.length = 32'],
        ['RangeError', detached, 'must not be detached'],
        ['TypeError', new Float64Array(2 * D), 'must be a Float32Array'],
        ['TypeError', Array.from(rows(2, 1)), 'must be a Float32Array'],
        ['TypeError', null, 'must be a Float32Array'],
      ]) {
        const e = thrownBy(() => batch(a, rows(2, 1), out));
        assert.equal(errorKind(e), kind, showError(e));
        assert.match(e.message, new RegExp(`^${cls}\\.forward_batch: out ${text} \\(got .+\\)$`));
      }
      const e = thrownBy(() => batch(a, rows(2, 1).subarray(1), new Float32Array(2 * D - 1)));
      assert.match(e.message, /: inputs must have a length that is a multiple of dim\(\) = 16 /, 'a bad inputs length is still the inputs\' error');
      assert.equal(forwards(a), 0n, 'nothing counted');
      a.free();
    });
  }
}

test('the bare globals take forward_batch\'s out as well', () => {
  const { WasmMicroLoRA } = globalThis;
  const a = new WasmMicroLoRA(D, 0.5, 0.1), b = new WasmMicroLoRA(D, 0.5, 0.1);
  const out = new Float32Array(3 * D);
  assert.equal(a.forward_batch(rows(3, 1), out), out);
  assert.equal(bitsOf(out), bitsOf(b.forward_batch(rows(3, 1))));
  const e = a.forward_batch(rows(3, 1), new Float32Array(2));
  assert.ok(e instanceof RangeError, showError(e));
  assert.match(e.message, /^WasmMicroLoRA\.forward_batch: out must have length inputs\.length = 48 \(got Float32Array of length 2\)$/);
  assert.equal(a.forward_count(), 3n);
  a.free();
  b.free();
});
