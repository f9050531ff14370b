// Converts a Go (RE2) regular expression, as written in gitleaks' config/gitleaks.toml, into a
// JavaScript RegExp source and flags that Node 20 and the browsers we support accept.
//
// Go syntax: https://pkg.go.dev/regexp/syntax. What differs from JavaScript (ECMA-262 §22.2,
// without the `u` flag) and how each difference is handled:
//   - inline flags `(?i)`, `(?s)`, `(?-i)` and flag groups `(?i:…)`, `(?-i:…)`, `(?s:…)`: JavaScript
//     has only whole-pattern flags before ES2025's modifiers, which Node 20 lacks. A pattern that
//     starts with `(?i)` and never turns it off gets the `i` flag; otherwise case-insensitive parts
//     are spelled out (`a` → `[aA]`, `[a-f]` → `[a-fA-F]`), and `.` under `s` becomes `[\s\S]`;
//   - `(?P<name>…)` → `(?<name>…)`;
//   - `\z` (end of text) → `$` and `\A` → `^` (no `m` flag is ever set, so they mean the same);
//   - POSIX classes `[[:alnum:]]` → their ASCII ranges;
//   - a `]` first in a class is literal in Go but ends an empty class in JavaScript: escaped;
//   - `\Q…\E`, `\p{…}`, `\x{…}`, `(?U)` and `(?m)` have no faithful translation here and throw
//     UnsupportedRegexError (the update script lists such rules instead of guessing).
// Tested by tests/share/go-regex-to-js.test.ts.

export class UnsupportedRegexError extends Error {}

const POSIX = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  space: '\\t\\n\\v\\f\\r ',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
};

const isLetter = (c) => /^[A-Za-z]$/.test(c);
const swapCase = (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

/**
 * @param {string} go the Go pattern
 * @returns {{ source: string, flags: string }}
 */
export function goRegexToJs(go) {
  let body = go;
  let flags = '';
  const leading = /^\(\?([is]+)\)/.exec(go);
  if (leading) {
    body = go.slice(leading[0].length);
    // Whole-pattern `i` is safe only when nothing inside switches it off again.
    if (leading[1].includes('i') && !/\(\?[a-z]*-[a-z]*i/.test(body)) flags += 'i';
    if (leading[1].includes('s')) flags += 's';
  }
  const initial = {
    ci: leading?.[1].includes('i') === true && !flags.includes('i'),
    dotAll: false,
  };
  return { source: translate(body, initial), flags };
}

function translate(src, initial) {
  let out = '';
  let state = { ...initial };
  const stack = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      const [text, next] = escape(src, i);
      out += text;
      i = next;
    } else if (c === '[') {
      const [text, next] = charClass(src, i, state.ci);
      out += text;
      i = next;
    } else if (c === '(') {
      if (src[i + 1] !== '?') {
        stack.push(state);
        state = { ...state };
        out += '(';
        i += 1;
        continue;
      }
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(src.slice(i));
      if (named) {
        stack.push(state);
        state = { ...state };
        out += `(?<${named[1]}>`;
        i += named[0].length;
        continue;
      }
      const flagged = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(src.slice(i));
      if (!flagged) throw new UnsupportedRegexError(`unknown group syntax at ${i}`);
      const [all, on = '', off = '', end] = flagged;
      if (/[^is]/.test(on + off))
        throw new UnsupportedRegexError(`flag (?${on}-${off}) has no JS equivalent`);
      const next = { ...state };
      if (on.includes('i')) next.ci = true;
      if (off.includes('i')) next.ci = false;
      if (on.includes('s')) next.dotAll = true;
      if (off.includes('s')) next.dotAll = false;
      if (end === ')') {
        // `(?i)` mid-pattern: applies to the rest of the enclosing group.
        state = next;
      } else {
        stack.push(state);
        state = next;
        out += '(?:';
      }
      i += all.length;
    } else if (c === ')') {
      state = stack.pop() ?? state;
      out += ')';
      i += 1;
    } else if (c === '.') {
      out += state.dotAll ? '[\\s\\S]' : '.';
      i += 1;
    } else if (c === '{') {
      // A quantifier is copied whole, so its digits are never case-expanded.
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i));
      const text = quantifier ? quantifier[0] : '\\{';
      out += text;
      i += quantifier ? text.length : 1;
    } else if (c === '}') {
      out += '\\}';
      i += 1;
    } else if (state.ci && isLetter(c)) {
      out += `[${c}${swapCase(c)}]`;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  if (stack.length > 0) throw new UnsupportedRegexError('unbalanced parentheses');
  return out;
}

/** One escape outside a class: returns the JS text and the index after it. */
function escape(src, i) {
  const c = src[i + 1];
  if (c === undefined) throw new UnsupportedRegexError('trailing backslash');
  if (c === 'z') return ['$', i + 2];
  if (c === 'A') return ['^', i + 2];
  if (c === 'Q' || c === 'p' || c === 'P' || c === 'C') {
    throw new UnsupportedRegexError(`\\${c} has no JS equivalent without the u flag`);
  }
  if (c === 'x') {
    if (src[i + 2] === '{') throw new UnsupportedRegexError('\\x{…} needs the u flag');
    return [src.slice(i, i + 4), i + 4];
  }
  return [src.slice(i, i + 2), i + 2];
}

/** A bracket expression starting at `src[i] === '['`: returns the JS class and the index after it. */
function charClass(src, i, ci) {
  let j = i + 1;
  let negate = '';
  if (src[j] === '^') {
    negate = '^';
    j += 1;
  }
  const items = [];
  let first = true;
  while (j < src.length && (src[j] !== ']' || first)) {
    first = false;
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(j));
    if (posix) {
      const ranges = POSIX[posix[2]];
      if (!ranges || posix[1]) throw new UnsupportedRegexError(`POSIX class [:${posix[1]}${posix[2]}:]`);
      items.push({ raw: ranges });
      j += posix[0].length;
      continue;
    }
    const [lo, afterLo] = classAtom(src, j);
    if (src[afterLo] === '-' && src[afterLo + 1] !== ']' && afterLo + 1 < src.length) {
      const [hi, afterHi] = classAtom(src, afterLo + 1);
      items.push({ lo, hi });
      j = afterHi;
    } else {
      items.push({ lo });
      j = afterLo;
    }
  }
  if (src[j] !== ']') throw new UnsupportedRegexError('unterminated character class');
  let body = '';
  for (const item of items) {
    if (item.raw !== undefined) {
      body += item.raw;
      continue;
    }
    body += item.hi === undefined ? item.lo.text : `${item.lo.text}-${item.hi.text}`;
    if (ci) body += caseVariants(item);
  }
  return [`[${negate}${body}]`, j + 1];
}

/** One member of a class: a literal character or an escape. */
function classAtom(src, j) {
  const c = src[j];
  if (c === '\\') {
    const e = src[j + 1];
    if (e === 'p' || e === 'P' || e === 'Q') throw new UnsupportedRegexError(`\\${e} in a class`);
    if (e === 'x') {
      if (src[j + 2] === '{') throw new UnsupportedRegexError('\\x{…} in a class');
      const text = src.slice(j, j + 4);
      return [{ text, char: String.fromCharCode(parseInt(text.slice(2), 16)) }, j + 4];
    }
    return [{ text: src.slice(j, j + 2), char: /[A-Za-z0-9]/.test(e) ? null : e }, j + 2];
  }
  // Characters that are special inside a JS class are escaped; Go reads them literally here.
  const text = c === ']' || c === '[' || c === '^' || c === '-' || c === '/' ? `\\${c}` : c;
  return [{ text, char: c }, j + 1];
}

/** The other-case counterpart of a class item, for case-insensitive parts: `a-f` → `A-F`. */
function caseVariants(item) {
  const lo = item.lo.char;
  const hi = item.hi?.char;
  if (lo === null || lo === undefined) return '';
  if (hi === undefined) return isLetter(lo) ? swapCase(lo) : '';
  if (hi === null) return '';
  let extra = '';
  for (const [a, z] of [
    ['a', 'z'],
    ['A', 'Z'],
  ]) {
    const from = lo > a ? lo : a;
    const to = hi < z ? hi : z;
    if (from <= to) extra += `${swapCase(from)}-${swapCase(to)}`;
  }
  return extra;
}

/**
 * About half of gitleaks' rules start with a lazy `[\w.-]{0,50}?` (some with a second one inside
 * `(?i:…)`) that only widens the match to the left of the keyword. RE2 runs that in linear time;
 * a backtracking engine retries it at every position (50 × 50 steps for the doubled form), which
 * made a 150 KB cassette take seconds. In an unanchored search the leftmost match with the prefix
 * holds the same keyword and secret as the match without it, and its prefix is just the run of up
 * to `prefixMax` `[\w.-]` characters before the match, so the prefix is lifted off here and
 * rebuilt by the engine (rule-engine.ts) for allowlists that test the whole match.
 *
 * @param {string} go
 * @returns {{ go: string, prefixMax: number }}
 */
export function liftLazyPrefix(go) {
  const prefix = '[\\w.-]{0,50}?';
  let rest = go;
  let flags = '';
  if (rest.startsWith('(?i)')) {
    flags = '(?i)';
    rest = rest.slice(4);
  }
  if (!rest.startsWith(prefix)) return { go, prefixMax: 0 };
  rest = rest.slice(prefix.length);
  let prefixMax = 50;
  if (rest.startsWith(`(?i:${prefix}`)) {
    rest = `(?i:${rest.slice(4 + prefix.length)}`;
    prefixMax = 100;
  }
  return { go: flags + rest, prefixMax };
}
