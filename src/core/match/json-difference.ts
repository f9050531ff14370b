/**
 * The first place two JSON documents differ, as a JSONPath-style location (`$.messages[2].content`)
 * with both values, so "which part of the body changed" is one line. Walked with an explicit
 * stack, in document order, so a deeply nested body cannot overflow the call stack.
 */

export interface JsonDifference {
  /** `$`, `$.a.b`, `$.list[3]`, `$["key with space"]`. */
  path: string;
  /** Short JSON rendering of each side, or `(absent)`. */
  recorded: string;
  incoming: string;
  /** The values are equal but an object's keys come in another order. */
  keyOrderOnly?: boolean;
}

const ABSENT = Symbol('absent');
const SHOWN_CODE_POINTS = 80;

type Item =
  | { kind: 'pair'; path: string; recorded: unknown; incoming: unknown }
  | { kind: 'key-order'; path: string; recorded: string[]; incoming: string[] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSONPath member: `.name` when it is an identifier, `["…"]` otherwise. */
export function jsonPathMember(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A value as short display text: JSON, cut to 80 code points. */
export function showJson(value: unknown): string {
  if (value === ABSENT) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  const points = Array.from(text);
  return points.length > SHOWN_CODE_POINTS ? points.slice(0, SHOWN_CODE_POINTS - 1).join('') + '…' : text;
}

/**
 * The first difference between two parsed JSON values, or null when they are equal. With
 * `keyOrderMatters`, objects whose keys are equal but ordered differently count as different
 * (a byte-exact body matcher sees them so); without it, as JSON equality (vcrpy's `body` on
 * application/json, Ruby VCR's `body_as_json`).
 */
export function firstJsonDifference(
  recorded: unknown,
  incoming: unknown,
  keyOrderMatters: boolean,
): JsonDifference | null {
  const stack: Item[] = [{ kind: 'pair', path: '$', recorded, incoming }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.kind === 'key-order') {
      return {
        path: item.path,
        recorded: `keys ${showJson(item.recorded)}`,
        incoming: `keys ${showJson(item.incoming)}`,
        keyOrderOnly: true,
      };
    }
    const { path, recorded: a, incoming: b } = item;
    if (Array.isArray(a) && Array.isArray(b)) {
      const length = Math.max(a.length, b.length);
      for (let index = length - 1; index >= 0; index--)
        stack.push({
          kind: 'pair',
          path: `${path}[${index}]`,
          recorded: index < a.length ? a[index] : ABSENT,
          incoming: index < b.length ? b[index] : ABSENT,
        });
      continue;
    }
    if (isObject(a) && isObject(b)) {
      const keysA = Object.keys(a);
      const keysB = Object.keys(b);
      const union = [...keysA, ...keysB.filter((key) => !Object.hasOwn(a, key))];
      // Checked after every child (the stack pops it last): content differences come first.
      if (keyOrderMatters && keysA.length === keysB.length && keysA.some((key, i) => key !== keysB[i]))
        stack.push({ kind: 'key-order', path, recorded: keysA, incoming: keysB });
      for (let index = union.length - 1; index >= 0; index--) {
        const key = union[index]!;
        stack.push({
          kind: 'pair',
          path: jsonPathMember(path, key),
          recorded: Object.hasOwn(a, key) ? a[key] : ABSENT,
          incoming: Object.hasOwn(b, key) ? b[key] : ABSENT,
        });
      }
      continue;
    }
    if (!Object.is(a, b) && !(typeof a === 'number' && a === b))
      return { path, recorded: showJson(a), incoming: showJson(b) };
  }
  return null;
}

/**
 * Matching compares every new request with every recorded one, so the same body text is parsed
 * many times; the last few large parses are kept (the parsed values are never mutated).
 */
const parsedCache = new Map<string, { value: unknown } | undefined>();
const CACHE_ENTRIES = 32;
const CACHE_FROM_LENGTH = 256;

/** Parses a body as JSON, or returns undefined when it is not JSON. */
export function parseJsonBody(text: string | null | undefined): { value: unknown } | undefined {
  if (text === null || text === undefined) return undefined;
  if (text.length >= CACHE_FROM_LENGTH && parsedCache.has(text)) return parsedCache.get(text);
  const result = parseUncached(text);
  if (text.length >= CACHE_FROM_LENGTH) {
    if (parsedCache.size >= CACHE_ENTRIES) parsedCache.delete(parsedCache.keys().next().value!);
    parsedCache.set(text, result);
  }
  return result;
}

function parseUncached(text: string): { value: unknown } | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[[{"\d-]|^(true|false|null)$/.test(trimmed)) return undefined;
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch {
    return undefined;
  }
}
