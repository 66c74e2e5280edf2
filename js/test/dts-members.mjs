// dts-members.mjs — the members a TypeScript declaration file declares for
// each class, for docs.test.mjs. A small tokenizer and parser for the subset
// a .d.ts class body uses (the repo's TypeScript 7 has no stable JS parser
// API): comments and string literals are skipped properly, braces, brackets,
// parentheses and angle brackets are balanced, and each member runs to the
// ";" at the top level of the class body.

/** Tokens of src: identifiers, numbers, strings (as { str }) and single punctuation characters. */
export function tokenize(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith('//', i)) { i = src.indexOf('\n', i); if (i === -1) break; continue; }
    if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end === -1) throw new SyntaxError(`unterminated comment at ${i}`);
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new SyntaxError(`unterminated string at ${i}`);
      tokens.push({ str: src.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*|^\d[\w.]*/.exec(src.slice(i, i + 200));
    if (word) { tokens.push(word[0]); i += word[0].length; continue; }
    tokens.push(c);
    i++;
  }
  return tokens;
}

const OPEN = new Map([['{', '}'], ['(', ')'], ['[', ']'], ['<', '>']]);
const MODIFIERS = new Set(['static', 'readonly', 'public', 'private', 'protected', 'abstract', 'declare', 'override', 'async', 'get', 'set', 'accessor']);
/** What may follow a member's name: a word followed by one of these is the name, not a modifier. */
const AFTER_NAME = new Set(['(', ':', '?', '!', '<', ';', '=']);

/** Index just past the bracket that closes the one at tokens[i]. */
function skipGroup(tokens, i) {
  const stack = [OPEN.get(tokens[i])];
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t === '>' && tokens[j - 1] === '=') continue; // the arrow of a function type
    if (OPEN.has(t)) stack.push(OPEN.get(t));
    else if (t === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return j + 1;
    } else if (['}', ')', ']'].includes(t)) throw new SyntaxError(`unbalanced "${t}" (expected "${stack[stack.length - 1]}")`);
  }
  throw new SyntaxError(`unclosed "${tokens[i]}"`);
}

/** One member from its tokens: { name, isStatic, computed } or null for a constructor. */
function memberOf(ts) {
  let i = 0;
  let isStatic = false;
  while (typeof ts[i] === 'string' && MODIFIERS.has(ts[i]) && !AFTER_NAME.has(ts[i + 1])) {
    if (ts[i] === 'static') isStatic = true;
    i++;
  }
  const t = ts[i];
  if (t === '[') {
    const end = skipGroup(ts, i);
    return { name: ts.slice(i + 1, end - 1).map((x) => (typeof x === 'string' ? x : JSON.stringify(x.str))).join(''), isStatic, computed: true };
  }
  const name = typeof t === 'string' ? t : t?.str;
  if (name === undefined || !/^[A-Za-z_$\d]/.test(name)) throw new SyntaxError(`cannot read a member name from: ${ts.map((x) => x.str ?? x).join(' ')}`);
  if (name === 'constructor' && !isStatic) return null;
  return { name, isStatic, computed: false };
}

/**
 * Map of class name → [{ name, isStatic, computed }] for every class
 * declaration in src ("class X", "export class X", "declare class X", with
 * type parameters, extends and implements). Constructors are left out.
 */
export function classMembers(src) {
  const tokens = tokenize(src);
  const classes = new Map();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== 'class' || typeof tokens[i + 1] !== 'string') continue;
    const name = tokens[i + 1];
    let j = i + 2;
    while (j < tokens.length && tokens[j] !== '{') j = OPEN.has(tokens[j]) ? skipGroup(tokens, j) : j + 1;
    const end = skipGroup(tokens, j);
    const members = [];
    let start = j + 1;
    for (let k = j + 1; k < end - 1;) {
      const t = tokens[k];
      if (t === ';') {
        if (k > start) {
          const m = memberOf(tokens.slice(start, k));
          if (m) members.push(m);
        }
        start = ++k;
      } else if (OPEN.has(t)) {
        k = skipGroup(tokens, k);
      } else {
        k++;
      }
    }
    if (start < end - 1) throw new SyntaxError(`class ${name}: a member without a closing ";": ${tokens.slice(start, end - 1).map((x) => x.str ?? x).join(' ')}`);
    classes.set(name, members);
    i = end - 1;
  }
  return classes;
}
