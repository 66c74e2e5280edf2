// Classic script for classic.html: uses globalThis.ruvectorLearning (set by
// /js/classic.js), inits with the default URL (next to classic.js), and loads
// the ESM harness and suite with dynamic import(), which classic scripts allow.
(async () => {
  const page = await import('/js/test/browser/suite-page.mjs');
  await page.runPage(async () => {
    const lib = globalThis.ruvectorLearning;
    if (!lib || typeof lib.init !== 'function') throw new Error('globalThis.ruvectorLearning.init is missing after classic.js');
    // The suite takes an ES module namespace, whose init is `default`.
    return page.runApiSuite({ ...lib, default: lib.init }, await lib.init(), 'ruvectorLearning.init()');
  });
})();
