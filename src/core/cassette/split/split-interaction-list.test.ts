import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessListEnd, InteractionListScanner, splitInteractionList } from './split-interaction-list';

const CORPUS = join(__dirname, '../../../../tests/fixtures/corpus');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('InteractionListScanner', () => {
  it('gives the one-shot split when scanned a few lines at a time, for every corpus file', () => {
    let splittable = 0;
    for (const path of yamlFiles(CORPUS)) {
      const bytes = new Uint8Array(readFileSync(path));
      const whole = splitInteractionList(bytes);
      const scanner = InteractionListScanner.start(bytes);
      let state = scanner ? scanner.scan(3) : 'not-splittable';
      const finishedSoFar: number[] = [];
      while (scanner && state === 'more') {
        finishedSoFar.push(scanner.finishedCount);
        state = scanner.scan(3);
      }
      expect(state === 'done' ? scanner!.plan() : null, path).toEqual(whole);
      // Items once final stay final: the count never goes down.
      expect(finishedSoFar).toEqual([...finishedSoFar].sort((a, b) => a - b));
      if (whole) splittable++;
    }
    expect(splittable).toBeGreaterThan(100);
  });

  it('guesses the end of the list from the file end for the corpus, or is told wrong by the scan', () => {
    let right = 0;
    let files = 0;
    for (const path of yamlFiles(CORPUS)) {
      const bytes = new Uint8Array(readFileSync(path));
      const whole = splitInteractionList(bytes);
      if (!whole) continue;
      files++;
      const scanner = InteractionListScanner.start(bytes)!;
      scanner.scan(Infinity);
      if (guessListEnd(bytes, scanner.indent, whole.items[0]!.end) === whole.listEnd) right++;
    }
    // Every corpus file ends with its list or with one-line root keys (`recorded_with: VCR 6.0.0`).
    expect(right).toBe(files);
  });

  it.each([
    ['no tail', 'interactions:\n  - a: 1\n  - b: 2\n', null],
    ['Ruby VCR', 'http_interactions:\n- a: 1\n- b: 2\n\nrecorded_with: VCR 6\n', 'recorded_with'],
    ['a comment and a blank line', 'interactions:\n  - a: 1\n# done\n\nversion: 1\n', 'version'],
  ])('guesses the end with %s', (_what, text, tail) => {
    // Blank and comment lines before the tail belong to the last item, as in the forward scan.
    const listEnd = tail === null ? text.length : text.indexOf(tail);
    const bytes = encode(text);
    const split = splitInteractionList(bytes)!;
    expect(split.listEnd).toBe(listEnd);
    const scanner = InteractionListScanner.start(bytes)!;
    scanner.scan(Infinity);
    expect(guessListEnd(bytes, scanner.indent, split.items[0]!.end)).toBe(listEnd);
  });

  it('guesses wrong for a tail with nested lines (the split load then reads the file whole)', () => {
    const bytes = encode('interactions:\n  - a: 1\nmeta:\n  nested: 1\n');
    const split = splitInteractionList(bytes)!;
    const scanner = InteractionListScanner.start(bytes)!;
    scanner.scan(Infinity);
    expect(guessListEnd(bytes, scanner.indent, split.items[0]!.end)).not.toBe(split.listEnd);
  });
});
