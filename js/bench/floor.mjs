// floor.mjs — the size and start-up "floor": a Go syscall/js hello world
// built with the same toolchain (`go` on PATH) and the same flags as
// js/ruvector_learning.wasm (the Makefile's GOFLAGS_WASM), in a temporary
// directory outside the repo: what any Go program pays. Shared by startup.mjs
// (start-up and size tables) and js/test/size-budget.test.mjs (the budget).
//
//   import { SIZE_BUDGET, withFloor, buildGo } from './floor.mjs';
//   const ratio = await withFloor((helloWasm, dir) => …);   // the temp dir is removed afterwards

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The size budget: js/ruvector_learning.wasm may be at most this many times
 * the floor's size in raw bytes. `make test` enforces it
 * (js/test/size-budget.test.mjs); `make size` prints both and the ratio.
 *
 * It is issue 13's goal, 1.14; the wasm is about 1.1399. Most of what it
 * adds to the floor is the learning code and its table (internal/coresize
 * alone is about 1.084) and the bare globals (about 38 KB: their js.FuncOf
 * members, argument checks and error descriptions are Go code, since no
 * JavaScript of ours is there to help; without them the wasm would be about
 * 1.118). In wasm every Go function costs a few hundred bytes of code and
 * metadata before its body (its name with the module path, its pclntab
 * entry, 16 findfunctab buckets), and every call site some tens of bytes,
 * which is what the slimming so far has cut.
 */
export const SIZE_BUDGET = 1.14;

/** The floor program: registers one js.FuncOf global and blocks. */
export const HELLO_GO = `package main

import "syscall/js"

func main() {
	js.Global().Set("hello", js.FuncOf(func(this js.Value, args []js.Value) any { return "hello" }))
	select {}
}
`;

/** The Makefile's GOFLAGS_WASM, as execFile arguments. */
export const BUILD_FLAGS = ['-trimpath', '-buildvcs=false', '-ldflags=-s -w -buildid='];

// goEnv: the environment of a child `go` build for js/wasm. GOOS and GOARCH
// are set for the child only (this process's env is left alone); GOFLAGS,
// GOWORK and GOTOOLCHAIN are neutralised so that a user's settings or a
// go.work elsewhere cannot change the build or fetch another toolchain.
function goEnv() {
  return { ...process.env, GOOS: 'js', GOARCH: 'wasm', GOFLAGS: '', GOWORK: 'off', GOTOOLCHAIN: 'local', GO111MODULE: 'on' };
}

/** go(args, cwd): runs `go` from PATH for js/wasm; returns stdout, throws with its stderr on failure. */
export function go(args, cwd) {
  try {
    return execFileSync('go', args, { cwd, env: goEnv(), stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error('`go` is not on PATH: the floor is built with the Go toolchain that builds the wasm');
    throw new Error(`go ${args.join(' ')} (in ${cwd}) failed: ${e.stderr?.toString().trim() || e.message}`);
  }
}

/** buildGo(pkg, out, cwd): `go build` of pkg with BUILD_FLAGS into out; returns out. */
export function buildGo(pkg, out, cwd) {
  go(['build', ...BUILD_FLAGS, '-o', out, pkg], cwd);
  return out;
}

/** buildHello(dir) builds the floor program in dir (a fresh, empty directory); returns the .wasm's path. */
export function buildHello(dir) {
  fs.writeFileSync(path.join(dir, 'main.go'), HELLO_GO);
  go(['mod', 'init', 'hello'], dir);
  return buildGo('.', path.join(dir, 'hello.wasm'), dir);
}

/** goVersion: `go version`'s line. */
export function goVersion() {
  return go(['version'], process.cwd()).trim();
}

/**
 * withFloor(fn): builds the floor in a new temporary directory, returns
 * await fn(helloWasmPath, dir), and removes the directory whatever happens.
 */
export async function withFloor(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruvector-floor-'));
  try {
    return await fn(buildHello(dir), dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
