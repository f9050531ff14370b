/**
 * Issue 6 acceptance: every corpus fixture goes through find → mask → encode → decode → load with
 * nothing lost (same interactions, methods, URLs modulo masked query secrets, statuses, decoded
 * bodies modulo placeholders) and no secret left. Prints the median and largest link length.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, afterAll } from 'vitest';
import { loadCassette, loadCassetteText } from '../../src/core/cassette';
import type { Cassette } from '../../src/core/model/http';
import { prepareShare } from '../../src/core/share/prepare-share';
import { decodeFileBytes } from '../../src/core/cassette/file-decoder';
import { findSecrets } from '../../src/core/share/find-secrets';
import { decodeSharePayload } from '../../src/core/share/share-codec';

const ROOT = 'tests/fixtures/corpus';
const SKIP = new Set(['facts.json', 'SOURCES.md']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return SKIP.has(name) || /\.(md|txt|json\.license)$/i.test(name) ? [] : [path];
  });
}

/** Replaces every original secret by its placeholder, as masking does, to compare with the shared copy. */
function masked(text: string | null | undefined, secrets: ReturnType<typeof findSecrets>): string | null {
  if (text == null) return null;
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.secret.length - a.secret.length))
    out = out.split(s.secret).join(s.placeholder);
  return out;
}

function tryLoad(path: string): Cassette | null {
  try {
    return loadCassette(new Uint8Array(readFileSync(path)), path);
  } catch {
    return null;
  }
}

const linkLengths: number[] = [];
const refused: string[] = [];
/** Each loadable corpus file, read once (issue 15: the suite read every file twice before sharing it). */
const loaded = new Map(
  walk(ROOT).flatMap((path) => {
    const cassette = tryLoad(path);
    return cassette ? [[path, cassette] as const] : [];
  }),
);
const files = [...loaded.keys()];

describe('share codec over the corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const path of files) {
    it(relative(ROOT, path), () => {
      const original = loaded.get(path)!;
      const bytes = new Uint8Array(readFileSync(path));
      const decoded = decodeFileBytes(bytes);
      const secrets = findSecrets(original, decoded.ok ? decoded.text.replace(/^\uFEFF/, '') : undefined);
      const result = prepareShare({
        fileName: path,
        bytes,
        mask: true,
        indices: null,
      });
      if (!result.ok) throw new Error(result.message);
      if (result.surviving.length > 0) {
        // Refused, as it must be, only for a secret inside a body the file stores encoded
        // (base64, gzip): text replacement cannot reach it. Each survivor names its calls.
        expect(result.payload).toBeNull();
        for (const item of result.surviving) {
          expect(item.calls.length).toBeGreaterThan(0);
          for (const call of item.calls) {
            const exchange = original.exchanges[call - 1];
            const steps = [
              ...(exchange?.request.body?.decoding ?? []),
              ...(exchange?.response?.body?.decoding ?? []),
            ];
            expect(
              steps.some((step) => /base64|gzip|deflate|br|zstd/i.test(step)),
              steps.join(', '),
            ).toBe(true);
          }
        }
        refused.push(relative(ROOT, path));
        return;
      }
      const payload = result.payload ?? '';
      linkLengths.push(`#c=${payload}`.length);
      const shared = decodeSharePayload(payload);
      for (const { secret } of secrets)
        expect(shared.text.includes(secret), `secret ${secret.slice(0, 4)}… left`).toBe(false);
      const back = loadCassetteText(shared.text, path);
      expect(back.format).toBe(original.format);
      expect(back.exchanges).toHaveLength(original.exchanges.length);
      original.exchanges.forEach((before, index) => {
        const after = back.exchanges[index];
        expect(after?.request.method).toBe(before.request.method);
        expect(after?.request.url).toBe(masked(before.request.url, secrets));
        expect(after?.response?.status ?? null).toBe(before.response?.status ?? null);
        expect(after?.request.body?.text ?? null).toBe(masked(before.request.body?.text, secrets));
        expect(after?.response?.body?.text ?? null).toBe(masked(before.response?.body?.text, secrets));
      });
    });
  }

  afterAll(() => {
    const sorted = [...linkLengths].sort((a, b) => a - b);
    const median = sorted.length ? (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2 : 0;
    console.log(
      `share links over ${sorted.length} corpus fixtures: median ${median} chars, largest ${sorted.at(-1) ?? 0} chars; refused (a secret in an encoded body): ${refused.join(', ') || 'none'}`,
    );
    // A new ruleset that suddenly refuses many real files is a regression worth a look.
    expect(refused.length).toBeLessThanOrEqual(3);
  });
});
