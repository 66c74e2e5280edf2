// (d) Starts a worker, waits (bounded) for the result it posts, publishes it.
// ?kind=module (default): new Worker('worker.mjs', { type: 'module' })
// ?kind=classic:          new Worker('worker-classic.js') using importScripts

import { runPage } from './page.mjs';

const TIMEOUT_MS = 60000;

function startWorker(kind) {
  return kind === 'classic'
    ? new Worker('/js/test/browser/worker-classic.js')
    : new Worker('/js/test/browser/worker.mjs', { type: 'module' });
}

function awaitResult(worker) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker posted no result within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    worker.onmessage = (e) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      reject(new Error(`worker error: ${e.message || 'failed to load'} (${e.filename}:${e.lineno})`));
    };
    worker.onmessageerror = () => reject(new Error('worker message could not be deserialized'));
  });
}

runPage(async () => {
  const kind = new URLSearchParams(location.search).get('kind') ?? 'module';
  const worker = startWorker(kind);
  try {
    return await awaitResult(worker);
  } finally {
    worker.terminate();
  }
});
