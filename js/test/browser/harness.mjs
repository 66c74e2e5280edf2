// In-page stand-ins for `node:test` and `node:assert/strict`, so the
// environment-neutral suite (js/test/api-suite.mjs) runs unchanged in a page or
// a worker. Only the subset the suite uses is implemented, with node's strict
// semantics: equal/deepEqual behave like strictEqual/deepStrictEqual.
//
//   const h = createHarness();
//   await apiSuite(lib, { test: h.test, assert: h.assert });
//   const result = await h.finish();   // { passed, failed, failures, tests }
//
// Checked against node:assert/strict on typed arrays, -0/NaN, bigint and the
// throws() matcher forms (class, RegExp, validation function, object).

export class AssertionError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = 'AssertionError';
    Object.assign(this, details); // actual, expected (as node:assert sets them)
  }
}

function show(v) {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (Object.is(v, -0)) return '-0';
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${v.length}) [${Array.from(v, show).join(', ')}]`;
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (typeof v === 'function') return `[Function ${v.name || 'anonymous'}]`;
  const proto = v !== null && typeof v === 'object' ? Object.getPrototypeOf(v) : null;
  if (proto !== null && proto !== Object.prototype && proto !== Array.prototype) {
    return `[object ${v.constructor?.name || Object.prototype.toString.call(v).slice(8, -1)}]`;
  }
  try {
    return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

function fail(message, fallback, details) {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, details);
}

// Node's deepStrictEqual for the values a numeric API produces: primitives by
// Object.is, same prototype, typed arrays element-wise, arrays/objects by own
// enumerable keys, Maps/Sets shallowly by entries, Errors by name + message.
function deepStrict(a, b, seen = new Map()) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (ArrayBuffer.isView(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (a instanceof Error && (a.name !== b.name || a.message !== b.message)) return false;
  if (a instanceof Map || a instanceof Set) {
    if (a.size !== b.size) return false;
    const bs = [...b];
    return [...a].every((x, i) => deepStrict(x, bs[i], seen));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepStrict(a[k], b[k], seen));
}

// `expected` may be an Error class, a RegExp (tested against String(err)),
// a validation function returning true, or an object whose properties must
// match (RegExp values test strings), as node:assert.throws accepts.
function matchError(err, expected, message) {
  if (expected === undefined) return;
  if (typeof expected === 'function' && expected.prototype !== undefined && (expected === Error || expected.prototype instanceof Error)) {
    if (!(err instanceof expected)) {
      fail(message, `expected ${expected.name}, got ${show(err)}`);
    }
    return;
  }
  if (expected instanceof RegExp) {
    if (!expected.test(String(err))) fail(message, `error ${show(err)} does not match ${expected}`);
    return;
  }
  if (typeof expected === 'function') {
    if (expected(err) !== true) fail(message, `validation function rejected ${show(err)}`);
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    for (const [k, want] of Object.entries(expected)) {
      const got = err?.[k];
      const ok = want instanceof RegExp && typeof got === 'string' ? want.test(got) : deepStrict(got, want);
      if (!ok) fail(message, `error.${k} = ${show(got)}, expected ${show(want)} (error: ${show(err)})`);
    }
    return;
  }
  throw new TypeError(`assert.throws: unsupported matcher ${show(expected)}`);
}

function splitMatcher(expected, message) {
  // assert.throws(fn, 'message') means "no matcher, this message".
  return typeof expected === 'string' ? [undefined, expected] : [expected, message];
}

function makeAssert() {
  const strictEqual = (a, b, m) => Object.is(a, b) || fail(m, `expected ${show(b)}, got ${show(a)}`, { actual: a, expected: b });
  const notStrictEqual = (a, b, m) => !Object.is(a, b) || fail(m, `expected a value other than ${show(b)}`);
  const deepStrictEqual = (a, b, m) =>
    deepStrict(a, b) || fail(m, `expected deep-equal to ${show(b)}, got ${show(a)}`, { actual: a, expected: b });
  const notDeepStrictEqual = (a, b, m) => !deepStrict(a, b) || fail(m, `expected not deep-equal to ${show(b)}`);
  const ok = (v, m) => Boolean(v) || fail(m, `expected truthy, got ${show(v)}`);
  const assert = (v, m) => ok(v, m);
  Object.assign(assert, {
    AssertionError,
    ok,
    equal: strictEqual,
    strictEqual,
    notEqual: notStrictEqual,
    notStrictEqual,
    deepEqual: deepStrictEqual,
    deepStrictEqual,
    notDeepEqual: notDeepStrictEqual,
    notDeepStrictEqual,
    fail: (m) => fail(m, 'Failed'),
    match: (s, re, m) => (typeof s === 'string' && re.test(s)) || fail(m, `${show(s)} does not match ${re}`),
    throws(fn, expected, message) {
      [expected, message] = splitMatcher(expected, message);
      let threw = false;
      let err;
      try {
        fn();
      } catch (e) {
        threw = true;
        err = e;
      }
      if (!threw) fail(message, 'Missing expected exception.');
      matchError(err, expected, message);
    },
    doesNotThrow(fn, message) {
      try {
        fn();
      } catch (e) {
        fail(typeof message === 'string' ? message : undefined, `Got unwanted exception: ${show(e)}`);
      }
    },
    async rejects(p, expected, message) {
      [expected, message] = splitMatcher(expected, message);
      let threw = false;
      let err;
      try {
        await (typeof p === 'function' ? p() : p);
      } catch (e) {
        threw = true;
        err = e;
      }
      if (!threw) fail(message, 'Missing expected rejection.');
      matchError(err, expected, message);
    },
    async doesNotReject(p, message) {
      try {
        await (typeof p === 'function' ? p() : p);
      } catch (e) {
        fail(typeof message === 'string' ? message : undefined, `Got unwanted rejection: ${show(e)}`);
      }
    },
  });
  assert.strict = assert;
  return assert;
}

// A failure as plain data. An assertion that had a custom message also shows
// its actual/expected values (shortened), which node prints in its diff.
function describeError(e) {
  if (!(e instanceof Error)) return { message: `non-Error thrown: ${show(e)}`, stack: '' };
  let message = `${e.name}: ${e.message}`;
  if (e instanceof AssertionError && 'actual' in e && !e.message.includes(show(e.actual))) {
    const clip = (v) => (show(v).length > 1500 ? `${show(v).slice(0, 1500)}…` : show(v));
    const same = show(e.actual) === show(e.expected) ? ' (a different object)' : '';
    message += `\n         actual: ${clip(e.actual)}${same}\n         expected: ${clip(e.expected)}`;
  }
  return { message, stack: String(e.stack ?? '') };
}

// node:test-like runner: tests run one after another in call order, whether or
// not the caller awaits them; `t.test` nests; a parent waits for its subtests.
// Leaves are counted; a parent is counted only if its own body fails. A test
// body that does not settle within `timeoutMs` fails (so a page never hangs).
export function createHarness({ log = () => {}, timeoutMs = 60000 } = {}) {
  const result = { passed: 0, failed: 0, failures: [], tests: [] };
  const top = newScope();

  function newScope() {
    return { queue: Promise.resolve(), count: 0 };
  }

  function parseArgs(name, opts, fn) {
    if (typeof name === 'function') return [name.name || '<anonymous>', {}, name];
    if (typeof opts === 'function') return [name, {}, opts];
    return [name, opts ?? {}, fn];
  }

  function enqueue(scope, full, opts, fn) {
    const run = () => runOne(full, opts, fn);
    scope.queue = scope.queue.then(run, run);
    scope.count++;
    return scope.queue;
  }

  async function drain(scope) {
    let seen;
    do {
      seen = scope.queue;
      await seen;
    } while (seen !== scope.queue);
  }

  function withTimeout(promise, full) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`test "${full}" timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  async function runOne(full, opts, fn) {
    if (opts.skip || opts.todo) {
      result.tests.push({ name: full, status: 'skip' });
      return;
    }
    const scope = newScope();
    const started = performance.now();
    const t = {
      name: full,
      test: (...a) => {
        const [name, o, f] = parseArgs(...a);
        return enqueue(scope, `${full} > ${name}`, o, f);
      },
      skip() {},
      todo() {},
      diagnostic: (m) => log(`# ${full}: ${m}`),
      assert: makeAssert(),
    };
    let error;
    try {
      await withTimeout(Promise.resolve().then(() => fn(t)), full);
      await drain(scope);
    } catch (e) {
      error = e;
    }
    record(full, error, scope.count > 0, performance.now() - started);
  }

  function record(full, error, hasSubtests, ms = 0) {
    ms = Math.round(ms);
    if (error !== undefined) {
      const d = describeError(error);
      result.failed++;
      result.failures.push({ name: full, ...d });
      result.tests.push({ name: full, status: 'fail', ms });
      log(`not ok - ${full}: ${d.message}`);
    } else if (!hasSubtests) {
      result.passed++;
      result.tests.push({ name: full, status: 'pass', ms });
    }
  }

  return {
    test(...a) {
      const [name, opts, fn] = parseArgs(...a);
      return enqueue(top, name, opts, fn);
    },
    assert: makeAssert(),
    // Records an error raised outside any test (e.g. the suite itself throwing).
    error(name, e) {
      record(name, e ?? new Error('unknown error'), false);
    },
    // Waits for every queued test, then returns the tally.
    async finish() {
      await drain(top);
      return result;
    },
  };
}
