// (e) CSP page module: default init() and the API suite under
// `script-src 'self' 'wasm-unsafe-eval'`. Any CSP violation fails the page.

import init, * as lib from '/js/index.js';
import { runPage, runApiSuite } from './suite-page.mjs';

const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline/eval)'}`);
});

runPage(async () => {
  const result = await runApiSuite(lib, await init(), 'init()');
  const csp = await fetch(location.href, { method: 'HEAD' }).then((r) => r.headers.get('content-security-policy'));
  const problems = [...violations];
  if (!csp) problems.push('page was not served with a Content-Security-Policy header');
  for (const p of problems) {
    result.failed++;
    result.failures.push({ name: 'csp', message: p, stack: '' });
  }
  return result;
});
