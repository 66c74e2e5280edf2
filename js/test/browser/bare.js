// (c) Bare globals page: runs Go by hand, as script-tag users of Go wasm do,
// then sanity-checks the globals WasmMicroLoRA / WasmScopedLoRA /
// WasmTrajectoryBuffer. Per the contract, a bare method RETURNS (does not
// throw) an Error object on bad input, and leaves state unchanged.
(async () => {
  const { createHarness, runPage } = await import('/js/test/browser/page.mjs');

  async function startGo() {
    const go = new Go();
    const { instance } = await WebAssembly.instantiateStreaming(fetch('/js/ruvector_learning.wasm'), go.importObject);
    go.run(instance); // resolves when the Go program exits, which it must not
    return { go, instance };
  }

  function defineTests({ test, assert }, { go, instance }) {
    const mem = () => instance.exports.mem;
    const same = (a, b) => assert.deepStrictEqual(Array.from(a), Array.from(b));
    const isErr = (v, Cls, re) => {
      assert.ok(v instanceof Cls, `expected a returned ${Cls.name}, got ${String(v)}`);
      assert.match(v.message, re);
    };

    test('globals exist and are constructors', () => {
      for (const name of ['WasmMicroLoRA', 'WasmScopedLoRA', 'WasmTrajectoryBuffer']) {
        assert.strictEqual(typeof globalThis[name], 'function', name);
      }
      assert.strictEqual(typeof WasmScopedLoRA.scope_name, 'function');
      assert.ok(mem() instanceof WebAssembly.Memory, 'instance.exports.mem');
    });

    test('new WasmMicroLoRA(8): instanceof, prototype methods, no memory property', () => {
      const l = new WasmMicroLoRA(8);
      assert.ok(l instanceof WasmMicroLoRA);
      assert.ok(!(l instanceof WasmScopedLoRA));
      assert.strictEqual(l.dim(), 8);
      assert.ok(!Object.prototype.hasOwnProperty.call(l, 'forward_array'), 'methods live on the prototype');
      assert.strictEqual(typeof WasmMicroLoRA.prototype.forward_array, 'function');
      assert.strictEqual(l.memory, undefined);
      assert.strictEqual(l.param_count(), 2 * 256 + 2 * 8);
      l.free();
    });

    test('identity before learning (forward_array and forward via memory)', () => {
      const l = new WasmMicroLoRA(8);
      const x = Float32Array.from([1, -2, 3.5, 0.25, 0, 1e-3, 100, -7]);
      const y = l.forward_array(x);
      assert.ok(y instanceof Float32Array);
      same(y, x);
      assert.strictEqual(l.forward_count(), 1n);
      new Float32Array(mem().buffer, l.get_input_ptr(), 8).set(x);
      l.forward();
      same(new Float32Array(mem().buffer, l.get_output_ptr(), 8), x);
      assert.strictEqual(l.forward_count(), 2n);
      assert.strictEqual(l.delta_norm(), 0);
      l.free();
    });

    test('bad input returns an Error object and leaves state unchanged', () => {
      const l = new WasmMicroLoRA(4);
      l.adapt_array([1, 2, 3, 4]);
      const before = [l.adapt_count(), l.forward_count(), l.delta_norm(), Array.from(l.forward_array([1, 1, 1, 1]))];
      isErr(l.adapt_array([1, 2, 3]), RangeError, /^WasmMicroLoRA\.adapt_array: .*length/);
      isErr(l.adapt_array([1, NaN, 3, 4]), RangeError, /WasmMicroLoRA\.adapt_array/);
      isErr(l.forward_array('abcd'), TypeError, /WasmMicroLoRA\.forward_array/);
      isErr(l.adapt_with_reward(NaN), RangeError, /WasmMicroLoRA\.adapt_with_reward/);
      const after = [l.adapt_count(), l.forward_count(), l.delta_norm(), Array.from(l.forward_array([1, 1, 1, 1]))];
      before[1] += 1n; // the second forward_array above
      assert.deepStrictEqual(after, before);
      l.free();
    });

    test('new with bad arguments evaluates to the Error object', () => {
      isErr(new WasmMicroLoRA(0), RangeError, /WasmMicroLoRA/);
      isErr(new WasmMicroLoRA(4, NaN), RangeError, /WasmMicroLoRA/);
      isErr(new WasmTrajectoryBuffer(0, 4), RangeError, /WasmTrajectoryBuffer/);
    });

    test('free(): then methods return an Error, second free() is a no-op', () => {
      const l = new WasmMicroLoRA(4);
      l.free();
      isErr(l.dim(), Error, /WasmMicroLoRA\.dim: object has been freed/);
      l.free();
    });

    test('WasmScopedLoRA: scope_name, forward_array, bad op', () => {
      assert.strictEqual(WasmScopedLoRA.scope_name(0), 'SeqScan');
      assert.strictEqual(WasmScopedLoRA.scope_name(16), 'Result');
      assert.strictEqual(WasmScopedLoRA.scope_name(99), 'Unknown');
      const s = new WasmScopedLoRA(4);
      assert.ok(s instanceof WasmScopedLoRA);
      same(s.forward_array(3, [1, 2, 3, 4]), [1, 2, 3, 4]);
      assert.strictEqual(s.forward_count(3), 1n);
      isErr(s.forward_array(17, [1, 2, 3, 4]), RangeError, /WasmScopedLoRA\.forward_array/);
      assert.strictEqual(s.total_forward_count(), 1n);
      s.free();
    });

    test('WasmTrajectoryBuffer: record and statistics', () => {
      const b = new WasmTrajectoryBuffer(10, 4);
      assert.ok(b instanceof WasmTrajectoryBuffer);
      assert.strictEqual(b.is_empty(), true);
      b.record([1, 2, 3, 4], 2, 5, 10, 20);
      assert.strictEqual(b.total_count(), 1n);
      assert.strictEqual(b.len(), 1);
      assert.strictEqual(b.mean_improvement(), 1);
      assert.strictEqual(b.best_attention(), 5);
      isErr(b.record([1, 2, 3], 2, 5, 10, 20), RangeError, /WasmTrajectoryBuffer\.record/);
      assert.strictEqual(b.total_count(), 1n);
      b.free();
    });

    test('the Go program is still running', async () => {
      await new Promise((r) => setTimeout(r, 50));
      assert.strictEqual(go.exited, false);
      const l = new WasmMicroLoRA(2);
      assert.strictEqual(l.dim(), 2);
      l.free();
    });
  }

  await runPage(async () => {
    const h = createHarness({ log: (m) => console.log(m) });
    defineTests(h, await startGo());
    return h.finish();
  });
})();
