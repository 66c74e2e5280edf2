// readme-members.mjs — which members the README's tables document for each
// class, for docs.test.mjs.
//
// A table row documents members for a class when one of its first two cells
// names the class (`WasmMicroLoRA(dim = 256, ...)`, `WasmScopedLoRA`), or
// says "every object" or "all three"; the members are the names written in
// code spans in those two cells, called (`adapt(op)`, `static scope_name(op)`,
// `to_bytes(): Uint8Array`) or alone (`memory`). This covers the *API* table
// and the *Beyond the reference* table.

/** The cells of a Markdown table row, split at "|" outside code spans. */
export function cells(row) {
  const out = [];
  let cur = '';
  let inCode = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '`') inCode = !inCode;
    if (c === '\\' && row[i + 1] === '|') { cur += '|'; i++; continue; }
    if (c === '|' && !inCode) { out.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  out.push(cur.trim());
  return out.slice(1, -1); // drop what precedes the first "|" and follows the last
}

/** Member names in the code spans of text: identifiers before "(", or a span that is one identifier. */
export function namesInCode(text) {
  const names = new Set();
  for (const [, code] of text.matchAll(/`([^`]+)`/g)) {
    if (/^[A-Za-z_$][\w$]*$/.test(code)) names.add(code);
    for (const [, name] of code.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(/g)) names.add(name);
  }
  return names;
}

/** Whether a row's first two cells are about class cls. */
function rowIsFor(head, cls) {
  return new RegExp(`\\b${cls}\\b`).test(head) || /\b(every object|all three)\b/i.test(head);
}

/**
 * The member names the README's table rows document for class cls (class
 * names themselves, which appear as constructors, are left out).
 */
export function readmeMembers(readme, cls, classNames) {
  const names = new Set();
  for (const line of readme.split('\n')) {
    if (!line.trimStart().startsWith('|')) continue;
    const head = cells(line).slice(0, 2).join(' | ');
    if (!rowIsFor(head, cls)) continue;
    for (const n of namesInCode(head)) if (!classNames.includes(n)) names.add(n);
  }
  return names;
}
