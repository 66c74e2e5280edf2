// Shared by the test pages (and the Vite app): publish
// `{ passed, failed, failures, tests }` as `globalThis.__result` (which run.mjs
// waits for) and as text in the page.

import { createHarness } from './harness.mjs';

export { createHarness };

export function failureResult(name, e) {
  return {
    passed: 0,
    failed: 1,
    failures: [{ name, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), stack: String(e?.stack ?? '') }],
    tests: [{ name, status: 'fail' }],
  };
}

export function publish(result) {
  globalThis.__result = result;
  if (typeof document === 'undefined') return;
  const lines = [`${result.passed} passed, ${result.failed} failed`, ''];
  for (const t of result.tests ?? []) lines.push(`${t.status === 'pass' ? 'ok  ' : t.status.toUpperCase().padEnd(4)} ${t.name}`);
  for (const f of result.failures) lines.push('', `FAIL ${f.name}`, `  ${f.message}`);
  const pre = document.getElementById('out') ?? document.body.appendChild(document.createElement('pre'));
  pre.style.whiteSpace = 'pre-wrap';
  pre.textContent = lines.join('\n');
  document.title = `${result.failed ? 'FAIL' : 'ok'} ${document.title}`;
}

// Runs `body` (which returns a result) and publishes whatever happens.
export async function runPage(body) {
  let result;
  try {
    result = await body();
  } catch (e) {
    result = failureResult('page', e);
  }
  publish(result);
  return result;
}
