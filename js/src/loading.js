// loading.js — turning init()'s input into a WebAssembly.Module, and
// refusing a module that is not this package's.

function isNode() {
  return typeof process === 'object' && process !== null && typeof process.versions === 'object' &&
    typeof process.versions.node === 'string';
}

// fileURL(input): the file: URL to read from disk in Node, or null.
function fileURL(input) {
  if (!isNode()) return null;
  if (input instanceof URL) return input.protocol === 'file:' ? input : null;
  try {
    const url = new URL(input);
    return url.protocol === 'file:' ? url : null;
  } catch {
    const nodeURL = 'node:url';
    return import(/* webpackIgnore: true */ /* @vite-ignore */ nodeURL).then((m) => m.pathToFileURL(input));
  }
}

async function readFile(url) {
  const nodeFS = 'node:fs/promises';
  const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ nodeFS);
  return fs.readFile(await url);
}

// compile(input): the WebAssembly.Module of any InitInput. Modules and
// bytes are tried first: in Node, merely reading the Request or Response
// globals loads the fetch implementation, which costs tens of ms.
async function compile(input) {
  input = await input;
  if (input instanceof WebAssembly.Module) return input;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return WebAssembly.compile(input);
  if (typeof input === 'string' || input instanceof URL) {
    const url = fileURL(input);
    if (url) return WebAssembly.compile(await readFile(url)); // no Response check: see above
    input = await fetch(input);
  } else if (typeof Request === 'function' && input instanceof Request) {
    input = await fetch(input);
  }
  if (typeof Response === 'function' && input instanceof Response) return compileResponse(input);
  return WebAssembly.compile(input);
}

// compileResponse streams when it can and falls back to bytes when the
// server sent the wrong MIME type.
async function compileResponse(response) {
  if (!response.ok) throw new Error('ruvector-learning-wasm: fetching the wasm failed: HTTP ' + response.status);
  if (typeof WebAssembly.compileStreaming === 'function' &&
      response.headers.get('Content-Type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// checkModule(module, where): throws unless module is this package's wasm
// (it has every export in EXPORTS), before it is instantiated; where is
// 'method: argument'.
function checkModule(module, where) {
  const names = WebAssembly.Module.exports(module).map((e) => e.name);
  const missing = EXPORTS.find((e) => !names.includes(e));
  if (missing !== undefined) {
    throw new Error(where + ' is not the ruvector-learning-wasm module (it has no export ' + missing + ')');
  }
}
