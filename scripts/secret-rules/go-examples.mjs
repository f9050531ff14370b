// Reads the literal true-positive examples ("tps") out of one gitleaks rule file
// (cmd/generate/config/rules/*.go), as data for our tests. Only string literals are taken: an
// element of the `tps` list, or the sample secret passed to utils.GenerateSampleSecret(s); values
// gitleaks generates at test time (secrets.NewSecret(…)) are not literals and are skipped.
// Go lexical rules used: https://go.dev/ref/spec#String_literals and #Semicolons.

/** Splits Go source into tokens: strings (decoded), identifiers, numbers and punctuation. */
function tokenize(src) {
  const tokens = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      line += 1;
      i += 1;
    } else if (/\s/.test(c)) {
      i += 1;
    } else if (src.startsWith('//', i)) {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      line += (src.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop;
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      const stop = end < 0 ? src.length : end;
      const value = src.slice(i + 1, stop).replace(/\r/g, '');
      tokens.push({ kind: 'string', value, line });
      line += (value.match(/\n/g) ?? []).length;
      i = stop + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"' && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', value: decodeInterpreted(src.slice(i + 1, j)), line });
      i = j + 1;
    } else if (/[A-Za-z_0-9]/.test(c)) {
      const word = /^[A-Za-z_0-9.]+/.exec(src.slice(i))[0];
      tokens.push({ kind: 'ident', value: word, line });
      i += word.length;
    } else {
      const op = /^(?::=|\.\.\.|[^\sA-Za-z_0-9])/.exec(src.slice(i))[0];
      tokens.push({ kind: 'punct', value: op, line });
      i += op.length;
    }
  }
  return tokens;
}

/** A Go interpreted string body → its value (null when it uses an escape we do not decode). */
function decodeInterpreted(body) {
  let failed = false;
  const value = body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e) => {
    const simple = {
      n: '\n',
      t: '\t',
      r: '\r',
      '"': '"',
      '\\': '\\',
      "'": "'",
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
    };
    if (e in simple) return simple[e];
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    failed = true;
    return '';
  });
  return failed ? null : value;
}

/** Tokens of the statement starting at `start`, up to the newline where Go inserts a semicolon. */
function statement(tokens, start) {
  let depth = 0;
  let end = start;
  for (; end < tokens.length; end++) {
    const t = tokens[end];
    if (t.kind === 'punct' && '([{'.includes(t.value)) depth += 1;
    if (t.kind === 'punct' && ')]}'.includes(t.value)) depth -= 1;
    const next = tokens[end + 1];
    const endsLine = next === undefined || next.line > t.line + (t.value.match?.(/\n/g) ?? []).length;
    const canEnd = t.kind !== 'punct' || ')]}'.includes(t.value);
    if (depth <= 0 && endsLine && canEnd) break;
  }
  return tokens.slice(start, end + 1);
}

/** Literal list elements (and literal sample secrets) of one `tps` statement. */
function literalsOf(stmt) {
  const out = [];
  for (let i = 0; i < stmt.length; i++) {
    if (stmt[i].kind !== 'string') continue;
    const before = stmt[i - 1];
    if (!before || before.kind !== 'punct' || !'{,'.includes(before.value)) continue;
    let value = stmt[i].value;
    let j = i + 1;
    while (stmt[j]?.value === '+' && stmt[j + 1]?.kind === 'string' && value !== null) {
      value = stmt[j + 1].value === null ? null : value + stmt[j + 1].value;
      j += 2;
    }
    const after = stmt[j];
    if (value !== null && after?.kind === 'punct' && [',', '}', ')'].includes(after.value)) out.push(value);
    i = j - 1;
  }
  return out;
}

/** rule id → its literal examples, for every rule function in one Go file. */
export function extractExamples(goSource) {
  const result = {};
  for (const fn of goSource.split(/\nfunc /).slice(1)) {
    const id = /RuleID:\s*"([^"]+)"/.exec(fn)?.[1];
    if (!id) continue;
    const tokens = tokenize(fn);
    const found = [];
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i];
      if (t.kind !== 'ident' || t.value !== 'tps' || !/^:?=$/.test(tokens[i + 1].value)) continue;
      found.push(...literalsOf(statement(tokens, i + 2)));
    }
    if (found.length > 0) result[id] = [...new Set(found)];
  }
  return result;
}
