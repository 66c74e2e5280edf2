// capture.js — served as /__capture.js and put first into every HTML page by
// server.mjs when started with { capture: true } (for engines whose driver
// reports no console events: WebKit over WebDriver classic; see engines.mjs).
// Records the page's console.error/console.warn calls, uncaught errors and
// unhandled rejections in globalThis.__console as { type, text, url }, which
// engines.mjs reads back. A classic script file, so a strict CSP allows it.
(() => {
  const entries = (globalThis.__console = []);
  const show = (v) => {
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    if (typeof v === 'string') return v;
    try {
      return JSON.stringify(v) ?? String(v);
    } catch {
      return String(v);
    }
  };
  for (const [method, type] of [['error', 'error'], ['warn', 'warning']]) {
    const original = console[method];
    console[method] = function (...args) {
      entries.push({ type, text: args.map(show).join(' '), url: location.href });
      return original.apply(this, args);
    };
  }
  addEventListener('error', (e) => {
    const name = e.error?.name ?? 'Error';
    const message = e.message.startsWith(`${name}: `) ? e.message : `${name}: ${e.message}`;
    entries.push({ type: 'pageerror', text: `${message} (${e.filename}:${e.lineno})` });
  });
  addEventListener('unhandledrejection', (e) => {
    entries.push({ type: 'pageerror', text: `unhandled rejection: ${show(e.reason)}` });
  });
})();
