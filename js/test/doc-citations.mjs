// doc-citations.mjs — the sections of docs/SEMANTICS.md and the citations of
// them in other files, for docs.test.mjs. Pure functions over text.
//
// A section is a level-2 or level-3 heading whose first word is the section
// sign and the section's number (N or N.M), preceded by its anchor line
// <a id="sN"></a> / <a id="sN-M"></a>. A citation is the document's name, a
// space and a section ("docs/SEMANTICS.md §2.4"), optionally followed by more
// joined by "–", "-", ", " or " and " ("docs/SEMANTICS.md §1–§5",
// "docs/SEMANTICS.md §2.4, §7.2"). This file writes the sign as \u00a7 in
// code, so that it holds no sign that is not such a citation.

const SIGN = '\u00a7';
const HEADING = new RegExp(`^#{2,3} ${SIGN}(\\d+(?:\\.\\d+)?) \\S`);
const ANCHOR = /^<a id="(s[\d-]+)"><\/a>$/;
const ID = '\\d+(?:\\.\\d+)*';
const CITATION = new RegExp(`SEMANTICS\\.md ${SIGN}${ID}(?:(?:–|-|, | and )${SIGN}${ID})*`, 'g');
const SECTION_REF = new RegExp(`${SIGN}(${ID})`, 'g');
/** A range whose second end lacks its sign ("3–7" after the sign): the 7 would go unchecked. */
const MALFORMED_TAIL = /^(?:–|-)\d/;

/**
 * The section ids of the document, and the problems with its headings:
 * an id used twice, or a heading without its anchor line just above it.
 */
export function sectionsOf(docText) {
  const ids = new Set();
  const problems = [];
  const lines = docText.split('\n');
  lines.forEach((line, i) => {
    const m = HEADING.exec(line);
    if (!m) return;
    const id = m[1];
    if (ids.has(id)) problems.push(`line ${i + 1}: section ${SIGN}${id} is defined twice`);
    ids.add(id);
    const anchor = ANCHOR.exec(lines[i - 1] ?? '');
    const want = `s${id.replace('.', '-')}`;
    if (!anchor || anchor[1] !== want) problems.push(`line ${i + 1}: heading ${SIGN}${id} lacks the anchor <a id="${want}"></a> on the line above`);
  });
  return { ids, problems };
}

/** 1-based line number of offset i in text. */
const lineAt = (text, i) => text.slice(0, i).split('\n').length;

/**
 * The citations in text: [{ line, ids }], and the section signs that are not
 * part of one (stray, or a malformed range), as problems [{ line, text }].
 * With internal set (the document itself), every sign is a reference to its
 * own sections and is returned as a citation.
 */
export function citationsIn(text, { internal = false } = {}) {
  const citations = [];
  const problems = [];
  if (internal) {
    for (const m of text.matchAll(SECTION_REF)) citations.push({ line: lineAt(text, m.index), ids: [m[1]] });
    return { citations, problems };
  }
  const covered = new Set();
  for (const m of text.matchAll(CITATION)) {
    const ids = [...m[0].matchAll(SECTION_REF)].map((r) => r[1]);
    citations.push({ line: lineAt(text, m.index), ids });
    for (let i = m.index; i < m.index + m[0].length; i++) covered.add(i);
    if (MALFORMED_TAIL.test(text.slice(m.index + m[0].length))) {
      problems.push({ line: lineAt(text, m.index), text: `malformed range "${m[0]}${text.slice(m.index + m[0].length).match(/^\S*/)[0]}" (write ${SIGN}A–${SIGN}B)` });
    }
  }
  for (let i = text.indexOf(SIGN); i !== -1; i = text.indexOf(SIGN, i + 1)) {
    if (!covered.has(i)) {
      const context = text.slice(Math.max(0, i - 30), i + 10).replace(/\s+/g, ' ');
      problems.push({ line: lineAt(text, i), text: `section sign that is not a "docs/SEMANTICS.md ${SIGN}N" citation: ...${context}...` });
    }
  }
  return { citations, problems };
}

/**
 * The name of the contract this project started from, which is not in the
 * repository: its citations must all point at docs/SEMANTICS.md now.
 * (Spelt with a class so that this line does not match itself.)
 */
const OLD_SPEC = /\bS[P]EC\b/g;

/** [{ line, text }] for every mention of the old contract's name in text. */
export function oldSpecMentions(text) {
  return [...text.matchAll(OLD_SPEC)].map((m) => ({
    line: lineAt(text, m.index),
    text: text.slice(Math.max(0, m.index - 20), m.index + 20).replace(/\s+/g, ' '),
  }));
}

/**
 * Every problem with the citations in files ([{ path, text }]) against the
 * document docPath's sections: unknown sections, stray section signs,
 * mentions of the old contract, heading problems. Returns strings; empty means all is well.
 */
export function citationProblems(files, docPath) {
  const doc = files.find((f) => f.path === docPath);
  if (!doc) return [`${docPath} is missing`];
  const { ids, problems: headingProblems } = sectionsOf(doc.text);
  const out = headingProblems.map((p) => `${docPath}: ${p}`);
  if (ids.size === 0) out.push(`${docPath}: no sections found`);
  for (const f of files) {
    const { citations, problems } = citationsIn(f.text, { internal: f.path === docPath });
    for (const c of citations) {
      for (const id of c.ids) if (!ids.has(id)) out.push(`${f.path}:${c.line}: cites ${SIGN}${id}, which ${docPath} does not have`);
    }
    for (const p of problems) out.push(`${f.path}:${p.line}: ${p.text}`);
    for (const p of oldSpecMentions(f.text)) out.push(`${f.path}:${p.line}: mentions the old contract, which is not in the repository (cite ${docPath} instead): ...${p.text}...`);
  }
  return out;
}
