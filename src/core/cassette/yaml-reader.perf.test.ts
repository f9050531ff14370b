// Time bounds for `npm run test:perf` (a quiet machine) on the inputs yaml-reader.test.ts checks
// for their result: a billion-laughs alias bomb, brackets 100,000 deep, a multi-megabyte line.
import { describe, expect, it } from 'vitest';
import { readYaml } from './yaml-reader';

function timed(text: string): number {
  const started = performance.now();
  readYaml(text);
  return performance.now() - started;
}

describe('readYaml speed on hostile shapes', () => {
  it('stops a billion-laughs expansion within 5 s', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(timed(levels.join('\n'))).toBeLessThan(5_000);
  });

  it('rejects brackets 100,000 deep within 3 s', () => {
    expect(timed(`key: ${'['.repeat(100_000)}1${']'.repeat(100_000)}`)).toBeLessThan(3_000);
  });

  it('reads a 2 MB double-quoted line within 3 s', () => {
    expect(timed(`a: "${'ab xcx '.repeat(300_000)}"\n`)).toBeLessThan(3_000);
  });
});
