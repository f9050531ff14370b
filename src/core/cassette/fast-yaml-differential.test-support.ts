/**
 * Test support for the fast YAML path (fast-yaml*.test.ts): runs it against the slow one
 * (readYamlSlow: yaml's composer + our conversion). Whenever readYamlFast answers, the answer must
 * be the slow path's, to the key order, the prototype, the number (−0, NaN) and the line of every
 * early mapping.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readYamlLexed } from './fast-yaml';
import { readYamlLines } from './fast-yaml-lines';
import { decodeFileBytes } from './file-decoder';
import { BinaryValue } from './raw-values';
import { readYamlSlow, type YamlReadResult } from './yaml-reader';

export const ROOT = join(__dirname, '..', '..', '..');
export const FIXTURES = ['tests/fixtures/corpus', 'tests/fixtures/hostile'].map((dir) => join(ROOT, dir));

/** An order-, type- and prototype-exact picture of a read tree. */
export function canonical(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Object.is(value, -0) ? ['-0'] : Number.isNaN(value) ? ['NaN'] : value;
  if (value instanceof BinaryValue) return ['binary', value.via, Array.from(value.bytes)];
  if (Array.isArray(value)) return ['seq', value.map(canonical)];
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    return [
      'map',
      proto === null ? 'null-proto' : 'HAS-PROTO',
      Object.entries(value).map(([k, v]) => [k, canonical(v)]),
    ];
  }
  return ['other', typeof value, String(value)];
}

/** Pairs of mappings in the two trees, with their depth (the converter's: root 0). */
export function* mapPairs(a: unknown, b: unknown, depth = 0): Generator<[object, object, number]> {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length; i++) yield* mapPairs(a[i], b[i], depth + 1);
  } else if (a && b && typeof a === 'object' && typeof b === 'object' && !(a instanceof BinaryValue)) {
    yield [a, b, depth];
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const key of Object.keys(ra)) yield* mapPairs(ra[key], rb[key], depth + 1);
  }
}

export type Verdict = 'fast' | 'declined';

/** How often each fast tier answered in `differential` (the tests check neither passes by declining). */
export const tierAnswers = { lines: 0, lexed: 0 };

/**
 * Runs the slow path and each fast tier on its own (the line reader, then the Lexer-based reader);
 * whenever a tier answers, its answer must be the slow one's.
 */
export function differential(text: string, label = ''): Verdict {
  const tiers = [
    ['lines', readYamlLines(text)],
    ['lexed', readYamlLexed(text)],
  ] as const;
  if (tiers.every(([, read]) => read === null)) return 'declined';
  const slow = readYamlSlow(text);
  for (const [tier, read] of tiers) {
    if (read === null) continue;
    tierAnswers[tier]++;
    if (!slow.ok)
      throw new Error(`${label}: fast tier "${tier}" read text the slow path rejects: ${slow.error.message}`);
    expectSameResult(read, slow.result, `${label} (${tier})`);
  }
  return 'fast';
}

export function expectSameResult(fast: YamlReadResult, slow: YamlReadResult, label: string): void {
  expect(canonical(fast.root), label).toEqual(canonical(slow.root));
  expect(fast.warnings, label).toEqual(slow.warnings);
  for (const [f, s, depth] of mapPairs(fast.root, slow.root)) {
    const want = slow.lineOf(s);
    if (depth <= 3) expect(want, `${label}: slow path has a line at depth ${depth}`).toBeTypeOf('number');
    expect(fast.lineOf(f), `${label}: line of a mapping at depth ${depth}`).toBe(want);
  }
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out.sort();
}

export function decodedText(path: string): string | null {
  const decoded = decodeFileBytes(new Uint8Array(readFileSync(path)));
  return decoded.ok ? decoded.text : null;
}
