// Classic worker: importScripts(wasm_exec.js, classic.js), then
// ruvectorLearning.init() and the API suite (loaded with dynamic import(),
// which classic workers allow). A classic worker has no document.currentScript
// to find classic.js by, so the wasm URL is passed explicitly.
importScripts('/js/wasm_exec.js', '/js/classic.js');

(async () => {
  const page = await import('/js/test/browser/suite-page.mjs');
  let result;
  try {
    const lib = self.ruvectorLearning;
    if (!lib) throw new Error('self.ruvectorLearning is missing after importScripts(classic.js)');
    const out = await lib.init({ module_or_path: '/js/ruvector_learning.wasm' });
    result = await page.runApiSuite({ ...lib, default: lib.init }, out, 'ruvectorLearning.init() in a classic worker');
  } catch (e) {
    result = page.failureResult('classic worker', e);
  }
  postMessage(result);
})();
