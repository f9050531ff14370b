/**
 * Pretty-printing for untrusted JSON, safe against the resource bombs of issue 8:
 * - `formatJsonText` re-indents JSON *text* in one loop with an explicit bracket stack, so a body
 *   nested 100,000 levels deep neither recurses nor overflows; nesting past `maxDepth` is folded
 *   into a `… N levels …` marker. It does not build objects, so it costs one pass over the text.
 * - `stringifyValue` renders an already-parsed value (unknown parts, schemas) with recursion
 *   bounded by `maxDepth` and output bounded by `maxChars`.
 * Output follows JSON.stringify(value, null, 2) layout (https://tc39.es/ecma262/#sec-json.stringify).
 */

export interface FormattedJson {
  text: string;
  /** Brackets balanced and strings closed: the text looked like one JSON document. */
  valid: boolean;
  /** Deepest nesting seen in the input. */
  maxDepthSeen: number;
  /** True when some nesting was folded because it went past `maxDepth`. */
  depthTruncated: boolean;
}

const INDENT = '  ';

/** Re-indent JSON text. Never throws; invalid input comes back marked `valid: false`. */
export function formatJsonText(input: string, maxDepth = 40): FormattedJson {
  const out: string[] = [];
  const stack: string[] = [];
  let valid = true;
  let maxDepthSeen = 0;
  let depthTruncated = false;
  let i = 0;
  const n = input.length;
  const newline = (depth: number) => out.push('\n' + INDENT.repeat(depth));

  while (i < n) {
    const ch = input[i] as string;
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      i++;
    } else if (ch === '"') {
      const end = skipString(input, i);
      if (end < 0) {
        valid = false;
        out.push(input.slice(i));
        break;
      }
      out.push(input.slice(i, end));
      i = end;
    } else if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      const next = nextNonSpace(input, i + 1);
      if (input[next] === close) {
        out.push(ch + close);
        i = next + 1;
        continue;
      }
      if (stack.length >= maxDepth) {
        const skipped = skipValue(input, i);
        depthTruncated = true;
        maxDepthSeen = Math.max(maxDepthSeen, stack.length + skipped.depth);
        out.push(`${ch} … ${skipped.depth} more level${skipped.depth === 1 ? '' : 's'} … ${close}`);
        if (!skipped.closed) {
          valid = false;
          break;
        }
        i = skipped.end;
        continue;
      }
      stack.push(close);
      maxDepthSeen = Math.max(maxDepthSeen, stack.length);
      out.push(ch);
      newline(stack.length);
      i++;
    } else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) valid = false;
      newline(stack.length);
      out.push(ch);
      i++;
    } else if (ch === ',') {
      out.push(',');
      newline(stack.length);
      i++;
    } else if (ch === ':') {
      out.push(': ');
      i++;
    } else {
      // Numbers, true, false, null: copied as written.
      let j = i;
      while (j < n && !' \n\r\t{}[],:"'.includes(input[j] as string)) j++;
      const token = input.slice(i, j);
      if (!/^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)$/.test(token)) valid = false;
      out.push(token);
      i = j;
    }
  }
  if (stack.length > 0) valid = false;
  return { text: out.join(''), valid, maxDepthSeen, depthTruncated };
}

/** Index just past the closing quote of the string starting at `start`, or -1 if unclosed. */
function skipString(input: string, start: number): number {
  let i = start + 1;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else i++;
  }
  return -1;
}

function nextNonSpace(input: string, start: number): number {
  let i = start;
  while (i < input.length && ' \n\r\t'.includes(input[i] as string)) i++;
  return i;
}

/** Skip a whole array/object starting at `start`, counting its depth, without recursion. */
function skipValue(input: string, start: number): { end: number; depth: number; closed: boolean } {
  let depth = 0;
  let deepest = 0;
  let i = start;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"') {
      const end = skipString(input, i);
      if (end < 0) return { end: input.length, depth: deepest, closed: false };
      i = end;
      continue;
    }
    if (ch === '{' || ch === '[') deepest = Math.max(deepest, ++depth);
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return { end: i + 1, depth: deepest, closed: true };
    }
    i++;
  }
  return { end: input.length, depth: deepest, closed: false };
}

export interface StringifyOptions {
  maxDepth?: number;
  maxChars?: number;
}

/** JSON-like rendering of any value, bounded in depth and size. Never throws. */
export function stringifyValue(value: unknown, options: StringifyOptions = {}): string {
  const maxDepth = options.maxDepth ?? 24;
  const maxChars = options.maxChars ?? 200_000;
  const out: string[] = [];
  let size = 0;
  const seen = new WeakSet<object>();
  const push = (s: string) => {
    out.push(s);
    size += s.length;
  };

  const write = (v: unknown, depth: number): void => {
    if (size > maxChars) return;
    if (v === null || v === undefined) return push(v === null ? 'null' : 'undefined');
    if (typeof v === 'string') return push(JSON.stringify(v));
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return push(String(v));
    if (typeof v !== 'object') return push(JSON.stringify(String(v)));
    if (v instanceof Uint8Array) return push(`"<${v.byteLength} bytes>"`);
    if (seen.has(v)) return push('"<circular>"');
    const entries: [string | null, unknown][] = Array.isArray(v)
      ? v.map((item) => [null, item])
      : v instanceof Map
        ? [...v.entries()].map(([k, item]) => [String(k), item])
        : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) return push(open + close);
    if (depth >= maxDepth) return push(`${open} … ${close}`);
    seen.add(v);
    push(open);
    entries.forEach(([key, item], index) => {
      push((index > 0 ? ',' : '') + '\n' + INDENT.repeat(depth + 1));
      if (key !== null) push(JSON.stringify(key) + ': ');
      write(item, depth + 1);
    });
    push('\n' + INDENT.repeat(depth) + close);
    seen.delete(v);
  };

  write(value, 0);
  const text = out.join('');
  return size > maxChars ? text.slice(0, maxChars) + '\n… (truncated)' : text;
}
