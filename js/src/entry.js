// entry.js — what the script defines: the loader factory for js/index.js,
// and for a script tag or a classic worker, a loader whose default wasm URL
// is next to the script (or the worker).
global.__ruvectorLearningCreate = create;
const script = typeof document !== 'undefined' ? document.currentScript : null;
if (script && script.src) {
  global.ruvectorLearning = create(() => new URL('ruvector_learning.wasm', script.src));
} else if (typeof importScripts === 'function' && global.location) {
  global.ruvectorLearning = create(() => new URL('ruvector_learning.wasm', global.location.href));
}
