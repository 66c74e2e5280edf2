// The browser side of the cross-runtime state matrix (js/test/state-matrix.mjs):
// loads the package with init(), then publishes globalThis.__result =
// { ready: true } (or the failure), and offers the driver, through
// page.evaluate, the two engine-neutral halves of js/test/states.mjs, as JSON
// text (WebDriver's own transport of objects does not keep key order):
//
//   globalThis.__states.save()      -> JSON of saveSet(lib): { name: hex }
//   globalThis.__states.load(sets)  -> JSON of { saver: loadSet(lib, sets[saver]) }
import init, * as lib from '/js/index.js';
import { loadSet, saveSet } from '/js/test/states.mjs';
import { failureResult } from './page.mjs';

try {
  await init();
  globalThis.__states = {
    save: () => JSON.stringify(saveSet(lib)),
    load: (sets) => JSON.stringify(Object.fromEntries(Object.entries(sets).map(([saver, set]) => [saver, loadSet(lib, set)]))),
  };
  globalThis.__result = { ready: true };
  document.getElementById('out').textContent = 'ready';
} catch (e) {
  globalThis.__result = failureResult('states page', e);
  document.getElementById('out').textContent = String(e?.stack ?? e);
}
