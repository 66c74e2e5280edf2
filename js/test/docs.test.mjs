// One source of truth for the API and its semantics:
//   (a) every citation of docs/SEMANTICS.md in the repository's source, test
//       and doc files names a section the document has, every section sign is
//       part of such a citation, and nothing cites the old contract (which is
//       not in the repository) any more;
//   (b) the README's tables document every member of the three classes, as
//       the runtime has them after init(), and no member they do not have;
//   (c) types/index.d.ts declares exactly the runtime's members for each
//       class, instance and static apart;
//   (d) the runtime classes have exactly the members of the table they are
//       generated from (internal/api/table.go, as js/test/members.gen.mjs),
//       and the .d.ts names each method's parameters as the table does.
// Each check is also run on a deliberately broken copy of its input, to show
// that it fails when it should.
//
//   node --test js/test/docs.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import init, * as lib from '../index.js';
import { citationProblems } from './doc-citations.mjs';
import { classMembers } from './dts-members.mjs';
import { readmeMembers } from './readme-members.mjs';
import { MEMBERS } from './members.gen.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DOC = 'docs/SEMANTICS.md';
const CLASSES = ['WasmMicroLoRA', 'WasmScopedLoRA', 'WasmTrajectoryBuffer'];

/** Directories that hold no source of ours: dependencies, caches, build output. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.cache', 'out', 'dist']);
const TEXT_FILE = /\.(go|js|mjs|cjs|ts|md|html|sh)$|^Makefile$|^run$/;

/** f(), or undefined when what it reads was removed meanwhile (another test's temporary files). */
function unlessGone(f) {
  try {
    return f();
  } catch (e) {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  }
}

/** [{ path, text }] for every source, test and doc file of the repository. */
function repoFiles(dir = REPO) {
  const files = [];
  for (const e of unlessGone(() => readdirSync(dir, { withFileTypes: true })) ?? []) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) files.push(...repoFiles(full));
    } else if (e.isFile() && TEXT_FILE.test(e.name)) {
      const text = unlessGone(() => readFileSync(full, 'utf8'));
      if (text !== undefined) files.push({ path: relative(REPO, full).split('\\').join('/'), text });
    }
  }
  return files;
}

/** Own string-named members of o, less the ones every function has. */
function ownNames(o, skip) {
  return Reflect.ownKeys(o).filter((k) => typeof k === 'string' && !skip.includes(k));
}

await init();
/** Class name → { instance: names on the prototype, static: names on the class }. */
const RUNTIME = Object.fromEntries(CLASSES.map((c) => [c, {
  instance: ownNames(lib[c].prototype, ['constructor']).sort(),
  static: ownNames(lib[c], ['length', 'name', 'prototype']).sort(),
}]));
const allMembers = (c) => [...RUNTIME[c].instance, ...RUNTIME[c].static];

/** Problems between the README's documented members and the runtime's, for every class. */
function readmeProblems(readme) {
  const out = [];
  for (const c of CLASSES) {
    const documented = readmeMembers(readme, c, CLASSES);
    for (const m of allMembers(c)) if (!documented.has(m)) out.push(`README documents no ${c}.${m} (it exists at runtime)`);
    for (const m of documented) if (!allMembers(c).includes(m)) out.push(`README documents ${c}.${m}, which the runtime class does not have`);
  }
  return out;
}

/** Problems between the .d.ts declarations and the runtime's members, for every class. */
function dtsProblems(dts) {
  const declared = classMembers(dts);
  const out = [];
  for (const c of CLASSES) {
    const members = declared.get(c);
    if (!members) { out.push(`types/index.d.ts declares no class ${c}`); continue; }
    // Computed names ([Symbol.dispose]) are symbols: the runtime side leaves symbols out too.
    const named = members.filter((m) => !m.computed);
    for (const kind of ['instance', 'static']) {
      const want = RUNTIME[c][kind];
      const got = [...new Set(named.filter((m) => m.isStatic === (kind === 'static')).map((m) => m.name))].sort();
      for (const m of want) if (!got.includes(m)) out.push(`types/index.d.ts lacks ${kind} member ${c}.${m}`);
      for (const m of got) if (!want.includes(m)) out.push(`types/index.d.ts declares ${kind} member ${c}.${m}, which the runtime class does not have`);
    }
  }
  return out;
}

/** The check reported every expected problem (and maybe others, if the real file has them too). */
function assertFinds(problems, expected) {
  for (const e of expected) assert.ok(problems.includes(e), `expected the problem "${e}" among:\n${problems.join('\n')}`);
}

const FILES = repoFiles();
const read = (path) => FILES.find((f) => f.path === path).text;
const SIGN = '\u00a7';

test('the runtime classes have members to compare (sanity)', () => {
  for (const c of CLASSES) assert.ok(RUNTIME[c].instance.length >= 10, `${c}: ${RUNTIME[c].instance.join(', ')}`);
  assert.ok(RUNTIME.WasmScopedLoRA.static.includes('scope_name'), `statics: ${RUNTIME.WasmScopedLoRA.static.join(', ')}`);
});

test(`(a) every citation of ${DOC} resolves, and none of the old contract remains`, () => {
  assert.ok(FILES.length > 50 && FILES.some((f) => f.path === 'internal/model/model.go'), `found ${FILES.length} files`);
  assert.deepEqual(citationProblems(FILES, DOC), []);
});

test('(a) fails on a broken copy: an unknown section, a stray sign, the old contract, a missing anchor', () => {
  const files = [
    { path: DOC, text: read(DOC).replace('<a id="s2-4"></a>\n', '') },
    { path: 'a.go', text: `// see docs/SEMANTICS.md ${SIGN}2.4 and docs/SEMANTICS.md ${SIGN}99\n` },
    { path: 'b.mjs', text: `// the blend (${SIGN}4.2)\n// docs/SEMANTICS.md ${SIGN}3–7\n` },
    { path: 'c.md', text: `as ${['SP', 'EC'].join('')} says\n` },
  ];
  const problems = citationProblems(files, DOC).join('\n'); // the document's own problems may be among them
  assert.match(problems, /SEMANTICS\.md: line \d+: heading .2\.4 lacks the anchor/);
  assert.match(problems, /a\.go:1: cites .99, which docs\/SEMANTICS\.md does not have/);
  assert.doesNotMatch(problems, /a\.go:1: cites .2\.4/);
  assert.match(problems, /b\.mjs:1: section sign that is not a/);
  assert.match(problems, /b\.mjs:2: malformed range/);
  assert.match(problems, /c\.md:1: mentions the old contract/);
  assert.deepEqual(citationProblems(files.slice(1), DOC), [`${DOC} is missing`]);
});

test('(b) the README documents every member of the three classes, and only those', () => {
  assert.deepEqual(readmeProblems(read('README.md')), []);
});

test('(b) fails on a broken copy of the README', () => {
  const readme = read('README.md')
    .replace('`total_adapt_count()`, ', '')
    .replace('`is_empty()`', '`is_empty()`, `peek()`');
  assert.notEqual(readme, read('README.md'));
  assertFinds(readmeProblems(readme), [
    'README documents no WasmScopedLoRA.total_adapt_count (it exists at runtime)',
    'README documents WasmTrajectoryBuffer.peek, which the runtime class does not have',
  ]);
});

test('(c) types/index.d.ts declares exactly the runtime members of each class', () => {
  assert.deepEqual(dtsProblems(read('types/index.d.ts')), []);
});

test('(c) fails on a broken copy of types/index.d.ts', () => {
  const dts = read('types/index.d.ts')
    .replace(/\n {2}static scope_name\(/, '\n  scope_name(')
    .replace(/\n {2}variance\(\): number;/, '\n  /** variance(): number; */')
    .replace(/\n {2}get_b\(\)/, '\n  get_bee(): void;\n  get_b()');
  assert.notEqual(dts, read('types/index.d.ts'));
  assertFinds(dtsProblems(dts), [
    'types/index.d.ts declares instance member WasmMicroLoRA.get_bee, which the runtime class does not have',
    'types/index.d.ts declares instance member WasmScopedLoRA.scope_name, which the runtime class does not have',
    'types/index.d.ts lacks instance member WasmTrajectoryBuffer.variance',
    'types/index.d.ts lacks static member WasmScopedLoRA.scope_name',
  ]);
});

/** Problems between the table and the runtime classes and the .d.ts's parameter names. */
function tableProblems(members, dts) {
  const out = [];
  for (const c of CLASSES) {
    const rows = members.filter((m) => m.class === c && m.sort !== 'constructor');
    const want = { instance: rows.filter((m) => m.sort !== 'static').map((m) => m.name).sort(), static: rows.filter((m) => m.sort === 'static').map((m) => m.name).sort() };
    for (const kind of ['instance', 'static']) {
      for (const m of RUNTIME[c][kind]) if (!want[kind].includes(m)) out.push(`the table has no ${kind} member ${c}.${m}`);
      for (const m of want[kind]) if (!RUNTIME[c][kind].includes(m)) out.push(`the runtime lacks the table's ${kind} member ${c}.${m}`);
    }
    const body = dts.slice(dts.indexOf(`export class ${c} `));
    for (const m of rows.filter((r) => r.params.length > 0)) {
      const decl = new RegExp(`\\n  (?:static )?${m.name}(?:<[^\\n]*?>)?\\(([^)]*)\\)`).exec(body);
      const names = decl ? [...decl[1].matchAll(/(?:^|,)\s*(\w+)\??:/g)].map((x) => x[1]) : [];
      const table = m.params.map((p) => p.name);
      if (names.join() !== table.join()) out.push(`types/index.d.ts: ${c}.${m.name}(${names.join(', ')}), the table: (${table.join(', ')})`);
    }
  }
  return out;
}

test('(d) the runtime classes are the table, and the .d.ts names its parameters', () => {
  assert.ok(MEMBERS.length > 60, `${MEMBERS.length} members`);
  assert.deepEqual(tableProblems(MEMBERS, read('types/index.d.ts')), []);
});

test('(d) fails on a broken copy of the table', () => {
  const members = MEMBERS.filter((m) => !(m.class === 'WasmTrajectoryBuffer' && m.name === 'variance'))
    .map((m) => (m.name === 'learn_from' ? { ...m, params: [{ name: 'buffer', kind: 'B' }, { name: 'quality', kind: 'N' }] } : m));
  members.push({ class: 'WasmMicroLoRA', name: 'peek', sort: 'method', params: [], result: 'v' });
  assertFinds(tableProblems(members, read('types/index.d.ts')), [
    'the table has no instance member WasmTrajectoryBuffer.variance',
    'the runtime lacks the table\'s instance member WasmMicroLoRA.peek',
    'types/index.d.ts: WasmScopedLoRA.learn_from(buffer, min_quality), the table: (buffer, quality)',
  ]);
});
