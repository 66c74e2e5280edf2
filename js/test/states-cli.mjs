// states-cli.mjs — one runtime's side of the cross-runtime state matrix
// (js/test/state-matrix.mjs) for the command-line runtimes: Node, Deno, Bun.
//
//   <runtime> js/test/states-cli.mjs save             prints {"set": saveSet()}
//   <runtime> js/test/states-cli.mjs load <file.json> prints {"loaded": {saver: loadSet(sets[saver])}}
//                                                     for <file.json> = {"sets": {saver: set}}
//
// (Deno: `deno run --allow-read`; runtimes.mjs's run() passes the flags.) Only node:fs
// and node:process beyond the package, which all three runtimes provide.
import fs from 'node:fs';
import process from 'node:process';
import init, * as lib from '../index.js';
import { loadSet, saveSet } from './states.mjs';

await init();
const [mode, file] = process.argv.slice(2);
let out;
if (mode === 'save') {
  out = { set: saveSet(lib) };
} else if (mode === 'load') {
  const { sets } = JSON.parse(fs.readFileSync(file, 'utf8'));
  out = { loaded: Object.fromEntries(Object.entries(sets).map(([saver, set]) => [saver, loadSet(lib, set)])) };
} else {
  throw new Error(`states-cli.mjs: unknown mode ${mode} (save | load <file>)`);
}
process.stdout.write(JSON.stringify(out));
