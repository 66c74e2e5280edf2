// Page script of isolation.html: two module workers (each importing
// /js/index.js in its own realm) run different seeded training sequences,
// chunk by chunk, concurrently and in alternating order; a third worker then
// runs each sequence alone. Every result of the interleaved workers must
// equal the solo run's (no interference between instances). Publishes
// window.__result = { passed, failed, failures, tests }.

const SEEDS = [1234, 98765];
const CHUNKS = 8;
const WORKER_URL = '/js/test/browser/isolation-worker.mjs';
const TIMEOUT_MS = 60000;

/** A module worker with a request(message) -> Promise(reply) helper. */
function startWorker(name) {
  const worker = new Worker(WORKER_URL, { type: 'module', name });
  let pending = null;
  const fail = (message) => {
    if (pending) pending.reject(new Error(`${name}: ${message}`));
    pending = null;
  };
  worker.onmessage = (e) => {
    if (!pending) return;
    const { resolve, reject, timer } = pending;
    clearTimeout(timer);
    pending = null;
    if (e.data.type === 'error') reject(new Error(`${name}: ${e.data.message}`));
    else resolve(e.data);
  };
  worker.onerror = (e) => fail(`worker error: ${e.message || 'failed to load'} (${e.filename}:${e.lineno})`);
  worker.onmessageerror = () => fail('message could not be deserialized');
  return {
    request(message) {
      if (pending) return Promise.reject(new Error(`${name}: request while another is pending`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => fail(`no reply to ${message.type} within ${TIMEOUT_MS} ms`), TIMEOUT_MS);
        pending = { resolve, reject, timer };
        worker.postMessage(message);
      });
    },
    terminate: () => worker.terminate(),
  };
}

/** Runs both sequences interleaved: chunk i of A and B concurrently, in alternating send order. */
async function interleaved(a, b) {
  await Promise.all([a.request({ type: 'start', seed: SEEDS[0] }), b.request({ type: 'start', seed: SEEDS[1] })]);
  const results = { [SEEDS[0]]: [], [SEEDS[1]]: [] };
  for (let i = 0; i < CHUNKS; i++) {
    const order = i % 2 ? [b, a] : [a, b];
    const replies = await Promise.all(order.map((w) => w.request({ type: 'chunk', index: i })));
    const [ra, rb] = i % 2 ? [replies[1], replies[0]] : replies;
    results[SEEDS[0]].push(ra.results);
    results[SEEDS[1]].push(rb.results);
  }
  return results;
}

/** First difference between two runs (arrays of chunks of result strings), or null. */
function firstDifference(got, want) {
  for (let c = 0; c < want.length; c++) {
    for (let s = 0; s < want[c].length; s++) {
      if (got[c]?.[s] !== want[c][s]) return `chunk ${c} step ${s}: ${String(got[c]?.[s]).slice(0, 120)} vs alone ${want[c][s].slice(0, 120)}`;
    }
  }
  return null;
}

function check(tests, failures, name, problem) {
  tests.push({ name, status: problem ? 'fail' : 'pass' });
  if (problem) failures.push({ name, message: problem });
}

async function run() {
  const workers = ['A', 'B', 'solo'].map(startWorker);
  try {
    const together = await interleaved(workers[0], workers[1]);
    const alone = (await workers[2].request({ type: 'solo', seeds: SEEDS, chunks: CHUNKS })).runs;
    const tests = [];
    const failures = [];
    for (const seed of SEEDS) {
      check(tests, failures, `worker with seed ${seed}: same results as alone`, firstDifference(together[seed], alone[seed]));
    }
    const steps = together[SEEDS[0]].flat();
    check(tests, failures, 'the sequences differ (the check is sensitive)',
      firstDifference(together[SEEDS[0]], together[SEEDS[1]]) ? null : 'both seeds gave the same results');
    check(tests, failures, 'every step produced a result', steps.length === CHUNKS * 40 && steps.every((s) => typeof s === 'string') ? null : `got ${steps.length} results`);
    check(tests, failures, 'bad calls were refused in the workers', steps.some((s) => s.startsWith('err RangeError: WasmMicroLoRA.adapt_array')) ? null : 'no refused call seen');
    return { passed: tests.length - failures.length, failed: failures.length, failures, tests, steps: steps.length };
  } finally {
    workers.forEach((w) => w.terminate());
  }
}

function publish(result) {
  globalThis.__result = result;
  const lines = [`${result.passed} passed, ${result.failed} failed`, ...result.tests.map((t) => `${t.status} ${t.name}`)];
  for (const f of result.failures) lines.push(`FAIL ${f.name}: ${f.message}`);
  document.getElementById('out').textContent = lines.join('\n');
}

run().then(publish, (e) => publish({
  passed: 0, failed: 1, failures: [{ name: 'page', message: `${e?.name}: ${e?.message}` }], tests: [{ name: 'page', status: 'fail' }],
}));
