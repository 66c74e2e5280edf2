// Frozen-state generator: saves the three states of js/test/states.mjs with
// THIS build's to_bytes (the wasm in js/, through the package API in Node) and
// records what each must give once loaded, in testdata/states/v<N>/, where N
// is the format version the build writes:
//
//   <name>.rvlw   the saved state, as to_bytes returned it
//   <name>.json   {"class", "version", "state", "made_by", ["learn",] "saved", "steps"}:
//                 the outputs of js/test/states.mjs's replay() on the object
//                 that was saved, recorded as in testdata/golden (floats as bits)
//
// Run with `make states` (builds the wasm first) or `node testdata/gen/states.mjs`.
//
// FROZEN: a fixture, once written, is never rewritten. For files that already
// exist this script only checks that the build still saves the same bytes and
// gives the same outputs, and fails if not. A later codec that writes format
// version 2 adds testdata/states/v2/ next to v1/; the v1 files stay as the
// version-1 build made them, and every later build must load them (the Go and
// JS fixture tests do). Never delete them to make this script rewrite them.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import init, * as lib from '../../js/index.js';
import { NAMES, STATES, hex, load, plan, replay, train } from '../../js/test/states.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The commit the build came from, and which of its sources had uncommitted changes. */
function madeBy() {
  const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  let from = 'an unknown commit';
  try {
    const changed = ['internal', 'cmd/wasm', 'js/classic.js', 'js/src/module.js'].filter((p) => git('status', '--porcelain', '--', p) !== '');
    from = git('rev-parse', '--short', 'HEAD') + (changed.length ? ` (uncommitted changes in ${changed.join(', ')})` : '');
  } catch { /* not a git checkout */ }
  return `testdata/gen/states.mjs: js/ruvector_learning.wasm built from ${from}, Node ${process.version}`;
}

/** The fixture's JSON text: one key per line, one step per line. */
function fixtureText(fx) {
  const lines = Object.entries(fx).map(([k, v]) => {
    if (k !== 'steps' && k !== 'learn') return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
    return `  ${JSON.stringify(k)}: [\n${v.map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ]`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

await init();
const objs = train(lib);
const made = madeBy();
let written = 0, checked = 0;
for (const name of NAMES) {
  const { cls } = STATES[name];
  const bytes = objs[name].to_bytes();
  const version = bytes[4] | (bytes[5] << 8);
  const rec = replay(lib, cls, objs[name], plan(name));
  objs[name].free();
  // The state must load back into the same bytes and the same outputs.
  const back = load(lib, cls, bytes, rec);
  if (back.resaved !== hex(bytes)) throw new Error(`${name}: from_bytes(to_bytes()) saves other bytes`);
  if (JSON.stringify({ ...back, resaved: undefined }) !== JSON.stringify(rec)) throw new Error(`${name}: the loaded state gives other outputs`);

  const dir = path.join(ROOT, 'testdata', 'states', `v${version}`);
  const stateFile = path.join(dir, `${name}.rvlw`), jsonFile = path.join(dir, `${name}.json`);
  const text = fixtureText({ class: cls, version, state: `${name}.rvlw`, made_by: made, ...rec });
  if (fs.existsSync(stateFile) || fs.existsSync(jsonFile)) {
    // Frozen: compare, never rewrite (made_by may name another commit).
    const old = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    const same = hex(fs.readFileSync(stateFile)) === hex(bytes) &&
      JSON.stringify({ ...old, made_by: made }) === JSON.stringify(JSON.parse(text));
    if (!same) {
      throw new Error(`${path.relative(ROOT, dir)}/${name}: this build saves or gives something else than the frozen fixture. ` +
        'Version-' + version + ' fixtures are never regenerated: fix the build, or, for a deliberate format change, write version ' + (version + 1) + '.');
    }
    checked++;
    continue;
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(stateFile, bytes);
  fs.writeFileSync(jsonFile, text);
  written++;
}
console.log(`states: ${written} written, ${checked} unchanged (frozen) — ${made}`);
