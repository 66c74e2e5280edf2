// serve.mjs — serves the repository on 127.0.0.1 for the browser demo
// (`make serve` runs `node js/demo/serve.mjs` after `make build`).
//
//   node js/demo/serve.mjs            # port 8080
//   PORT=9000 node js/demo/serve.mjs  # another port (0 = any free port)
//
// Prints the demo page's URL and runs until Ctrl-C. Loopback only; the page
// makes no request outside this server.

import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../test/browser/server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = '/js/demo/page/';
const HOST = '127.0.0.1';

function parsePort(raw) {
  if (raw === undefined || raw === '') return 8080;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n > 65535) {
    console.error(`serve: PORT must be an integer in 0..65535 (got ${JSON.stringify(raw)})`);
    process.exit(2);
  }
  return n;
}

const port = parsePort(process.env.PORT);

// The page needs the build outputs; say so rather than serve a page that 404s.
const missing = [];
for (const f of ['js/ruvector_learning.wasm', 'js/wasm_exec.js']) {
  await access(path.join(REPO, f)).catch(() => missing.push(f));
}
if (missing.length > 0) {
  console.error(`serve: missing ${missing.join(', ')}; run \`make build\` first (or \`make serve\`)`);
  process.exit(1);
}

let server;
try {
  server = await startServer({ root: REPO, port, host: HOST });
} catch (err) {
  if (err.code === 'EADDRINUSE') {
    console.error(
      `serve: port ${port} on ${HOST} is already in use (another \`make serve\`?).\n` +
        `       Stop that process or pick another port: PORT=${port === 8080 ? 8081 : port + 1} make serve`,
    );
  } else if (err.code === 'EACCES') {
    console.error(`serve: no permission to listen on ${HOST}:${port}; pick a port above 1023, e.g. PORT=8080`);
  } else {
    console.error(`serve: cannot listen on ${HOST}:${port}: ${err.message}`);
  }
  process.exit(1);
}

console.log(`serving ${REPO} on ${server.url}/ (loopback only)`);
console.log(`demo page: ${server.url}${PAGE}`);
console.log('press Ctrl-C to stop');

let stopping = false;
async function stop(signal) {
  if (stopping) process.exit(130);
  stopping = true;
  console.log(`\n${signal}: stopping`);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
