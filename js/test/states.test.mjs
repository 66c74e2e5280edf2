// Saved states that last, on BOTH call paths (wasmexport fast path and
// js.FuncOf slow path, see robust-helpers.mjs):
//
//   - the frozen states of testdata/states/v<N>/ (saved by the version-N
//     build, never regenerated; see testdata/gen/states.mjs) load, save back
//     to the same bytes, and give every recorded output and statistic bit for
//     bit (js/test/states.mjs replays the recorded steps);
//   - a state of another format version is refused with an Error naming both
//     versions;
//   - from_bytes refuses an adapter whose A or B holds NaN or ±Infinity (the
//     rule set_b applies), naming the class and the adapter, and keeps every
//     other float (input/output buffers, trajectory embeddings and
//     statistics) as stored.
//
//   node --test js/test/states.test.mjs
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPaths, thrownBy, errorKind, showError } from './robust-helpers.mjs';
import { hex, load, reseal, withVersion } from './states.mjs';

const STATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../testdata/states');
const PATHS = await loadPaths();

/** Every frozen state: { version, name, rec (the JSON), bytes }, version by version. */
function frozen() {
  const out = [];
  for (const dir of fs.readdirSync(STATES_DIR).filter((d) => /^v\d+$/.test(d)).sort()) {
    for (const f of fs.readdirSync(path.join(STATES_DIR, dir)).filter((x) => x.endsWith('.json')).sort()) {
      const rec = JSON.parse(fs.readFileSync(path.join(STATES_DIR, dir, f), 'utf8'));
      out.push({ version: dir, name: f.slice(0, -5), rec, bytes: new Uint8Array(fs.readFileSync(path.join(STATES_DIR, dir, rec.state))) });
    }
  }
  return out;
}
const FROZEN = frozen();
/** The version-1 state of each class. */
const V1 = Object.fromEntries(FROZEN.filter((f) => f.version === 'v1').map((f) => [f.rec.class, f.bytes]));

test('the version-1 fixtures are all there: one state of each class', () => {
  assert.deepEqual(Object.keys(V1).sort(), ['WasmMicroLoRA', 'WasmScopedLoRA', 'WasmTrajectoryBuffer']);
});

// IEEE-754 bit patterns that no weight may hold.
const NON_FINITE = { NaN: 0x7fc00000, 'NaN with a payload': 0xffc01234, '+Infinity': 0x7f800000, '-Infinity': 0xff800000 };

// Byte offsets of the documented layout (README "State format").
const micro = (d) => ({ A0: 44, A1: 44 + 4 * d, B0: 44 + 8 * d, B1: 44 + 12 * d, input: 44 + 16 * d, output: 44 + 20 * d });
const PAIR = (d) => 8 + 16 * d;
const scopedPair = (d, k) => 157 + k * PAIR(d); // operators k = 0..16, then categories k = 17..23
const scopedRows = (d, k) => ({ A0: scopedPair(d, k) + 8, A1: scopedPair(d, k) + 8 + 4 * d, B0: scopedPair(d, k) + 8 + 8 * d, B1: scopedPair(d, k) + 8 + 12 * d });
const dimOf = (bytes) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);

for (const P of [PATHS.fast, PATHS.slow]) {
  const { lib } = P;
  const tname = (s) => `[${P.name}] ${s}`;

  /** Asserts from_bytes refuses bytes with exactly `message` (after the class label), as a plain Error. */
  function refuses(cls, bytes, message, what) {
    const e = thrownBy(() => lib[cls].from_bytes(bytes));
    assert.equal(errorKind(e), 'Error', `${cls} ${what}: ${showError(e)}`);
    assert.equal(e.message, `${cls}.from_bytes: ${message}`, `${cls} ${what}`);
  }

  /** Asserts from_bytes accepts bytes, and the object saves the same bytes; returns what fn(obj) gives. */
  function keeps(cls, bytes, what, fn = () => undefined) {
    const obj = lib[cls].from_bytes(bytes);
    try {
      assert.equal(hex(obj.to_bytes()), hex(bytes), `${cls} ${what}: saved back bit for bit`);
      return fn(obj);
    } finally {
      obj.free();
    }
  }

  describe(tname('frozen states'), () => {
    for (const { version, name, rec, bytes } of FROZEN) {
      test(tname(`${version}/${name} (${rec.class}): loads, saves back the same bytes, gives every recorded output`), () => {
        const got = load(lib, rec.class, bytes, rec);
        assert.equal(got.resaved, hex(bytes), 'from_bytes then to_bytes');
        assert.equal(got.steps.length, rec.steps.length);
        got.steps.forEach((s, i) => assert.deepEqual(s, rec.steps[i], `step ${i} (${rec.steps[i].m})`));
        assert.deepEqual(got.learn, rec.learn, 'learn_from into fresh learners');
        assert.equal(got.saved, rec.saved, 'the state after the steps');
      });
    }
  });

  describe(tname('format versions'), () => {
    test(tname('a state of another version is refused with an Error naming both versions, whatever its checksum'), () => {
      for (const [cls, bytes] of Object.entries(V1)) {
        for (const [v, sealed, message] of [
          [2, true, 'bytes is a version-2 state; this build reads version 1'],
          [2, false, 'bytes is a version-2 state; this build reads version 1'],
          [3, true, 'bytes is a version-3 state; this build reads version 1'],
          [65535, false, 'bytes is a version-65535 state; this build reads version 1'],
          [0, true, 'bytes claims format version 0, which no build writes; this build reads version 1'],
        ]) {
          refuses(cls, withVersion(bytes, v, sealed), message, `version ${v}${sealed ? '' : ' (CRC of version 1)'}`);
        }
        keeps(cls, withVersion(bytes, 1), 'version 1');
      }
    });
  });

  describe(tname('one rule for weights'), () => {
    test(tname('WasmMicroLoRA: NaN or ±Infinity in A or B is refused with an Error naming the matrix'), () => {
      const bytes = V1.WasmMicroLoRA, d = dimOf(bytes), rows = micro(d);
      for (const [row, matrix] of [['A0', 'A'], ['A1', 'A'], ['B0', 'B'], ['B1', 'B']]) {
        for (const i of [0, d - 1]) {
          for (const [what, bits] of Object.entries(NON_FINITE)) {
            const bad = reseal(bytes, (w) => w.setUint32(rows[row] + 4 * i, bits, true));
            refuses('WasmMicroLoRA', bad, `bytes holds a non-finite weight in ${matrix}`, `${row}[${i}] = ${what}`);
          }
        }
      }
      // The edges of the finite range are weights like any other.
      for (const bits of [0x7f7fffff, 0xff7fffff, 0x00000001, 0x80000000]) {
        keeps('WasmMicroLoRA', reseal(bytes, (w) => w.setUint32(rows.B1 + 4 * (d - 1), bits, true)), `B1 bits ${bits.toString(16)}`);
      }
    });

    test(tname('WasmScopedLoRA: NaN or ±Infinity in any operator or category adapter is refused, naming it'), () => {
      const bytes = V1.WasmScopedLoRA, d = dimOf(bytes);
      const OPS = ['SeqScan', 'IndexScan', 'HnswScan', 'IvfFlatScan', 'NestedLoopJoin', 'HashJoin', 'MergeJoin', 'Aggregate',
        'GroupBy', 'Filter', 'Project', 'Sort', 'Limit', 'VectorDistance', 'Rerank', 'Materialize', 'Result'];
      const CATS = ['Scan', 'Join', 'Aggregation', 'Transform', 'Order', 'Vector', 'Utility'];
      const adapters = [...OPS.map((n, op) => [op, `operator ${op} (${n})`]), ...CATS.map((n, c) => [17 + c, `category ${c} (${n})`])];
      const values = Object.entries(NON_FINITE);
      adapters.forEach(([k, label], j) => {
        const [row, matrix] = [['A0', 'A'], ['B0', 'B'], ['A1', 'A'], ['B1', 'B']][j % 4];
        const [what, bits] = values[j % values.length];
        const bad = reseal(bytes, (w) => w.setUint32(scopedRows(d, k)[row] + 4 * (j % d), bits, true));
        refuses('WasmScopedLoRA', bad, `bytes holds a non-finite weight in ${matrix} of ${label}`, `${label} ${row} = ${what}`);
      });
    });

    test(tname('input/output buffers, embeddings and statistics keep any float, NaN and ±Infinity included'), () => {
      const m = V1.WasmMicroLoRA, dm = dimOf(m), s = V1.WasmScopedLoRA, ds = dimOf(s), b = V1.WasmTrajectoryBuffer;
      const nan = NON_FINITE['NaN with a payload'], inf = NON_FINITE['+Infinity'], ninf = NON_FINITE['-Infinity'];
      keeps('WasmMicroLoRA', reseal(m, (w) => { w.setUint32(micro(dm).input, inf, true); w.setUint32(micro(dm).output + 4 * (dm - 1), nan, true); }),
        'non-finite input and output', (o) => assert.ok(Number.isNaN(o.output_view()[dm - 1])));
      keeps('WasmScopedLoRA', reseal(s, (w) => { w.setUint32(349 + 384 * ds, ninf, true); w.setUint32(349 + 388 * ds, nan, true); }),
        'non-finite input and output', (o) => assert.equal(o.input_view()[0], -Infinity));
      // Buffer: mean (24), variance accumulator (28), best (32), success rate (37), the first record's improvement (47) and embedding (51).
      for (const [off, bits, what] of [[24, nan, 'mean'], [28, inf, 'variance'], [32, ninf, 'best'], [37, nan, 'success rate'],
        [47, inf, 'an improvement'], [51, ninf, 'an embedding value']]) {
        keeps('WasmTrajectoryBuffer', reseal(b, (w) => w.setUint32(off, bits, true)), what);
      }
      keeps('WasmTrajectoryBuffer', reseal(b, (w) => w.setUint32(24, nan, true)), 'NaN mean',
        (o) => assert.ok(Number.isNaN(o.mean_improvement())));
    });

    test(tname('after all the refusals, the frozen states still load and set_b still refuses what from_bytes does'), () => {
      for (const [cls, bytes] of Object.entries(V1)) keeps(cls, bytes, 'again');
      const o = lib.WasmMicroLoRA.from_bytes(V1.WasmMicroLoRA);
      const d = o.dim();
      for (const v of [NaN, Infinity, -Infinity]) {
        const e = thrownBy(() => o.set_b(Float32Array.from({ length: 2 * d }, (_, i) => (i === d ? v : 0))));
        assert.equal(errorKind(e), 'RangeError', `set_b with ${v}: ${showError(e)}`);
      }
      o.free();
    });
  });
}
