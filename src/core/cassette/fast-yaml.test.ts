/**
 * The fast YAML path against the slow one (fast-yaml-differential.ts): every fixture file of the corpus and the hostile set.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFast } from './fast-yaml';
import { decodedText, differential, FIXTURES, listFiles, ROOT } from './fast-yaml-differential.test-support';
describe('fast YAML path: every fixture file', () => {
  // The committed fixtures only. tests/fixtures/hostile/generated/ exists only after the hostile
  // tests (or `node scripts/make-hostile-fixtures.mjs`) ran, so comparing it made this file's work
  // depend on test order; and its 15 MB, 100,000-event document drove the reference parser (`yaml`,
  // whose Document keeps a node per scalar) past Node's 4 GB heap, which crashed a CI worker. Those
  // files are sized to test limits, not YAML shapes: tests/hostile/core.test.ts loads each of them
  // through loadCassette, and fast-yaml-generated.test.ts compares the two paths on generated shapes.
  const files = FIXTURES.flatMap(listFiles)
    .map((path) => relative(ROOT, path))
    .filter((name) => !name.startsWith('tests/fixtures/hostile/generated/'));

  it.each(files)('%s', (name) => {
    const text = decodedText(join(ROOT, name));
    if (text !== null) differential(text, name);
  });

  it('takes the fast path for every go-vcr file and nearly all of the corpus', () => {
    const cassettes = files.filter(
      (name) =>
        name.includes('/corpus/') && /\.(ya?ml|har|json|gz)$/.test(name) && !name.endsWith('facts.json'),
    );
    const fast = new Set(
      cassettes.filter((name) => {
        const text = decodedText(join(ROOT, name));
        return text !== null && readYamlFast(text) !== null;
      }),
    );
    const goVcr = cassettes.filter((name) => /\/(go-vcr-v1|go-vcr-v2|seed)\//.test(name));
    expect(goVcr).toContain('tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml');
    expect(goVcr.length).toBeGreaterThan(70);
    expect(goVcr.filter((name) => !fast.has(name))).toEqual([]);
    const declined = cassettes.filter((name) => !fast.has(name));
    // Today: the four dd-apm-test-agent vcrpy files, whose multidict headers use `? !!python/…` keys.
    expect(declined.length).toBeLessThanOrEqual(4);
    console.log(
      `fast YAML path: ${fast.size} of ${cassettes.length} corpus cassettes; declined: ${declined.join(', ') || 'none'}`,
    );
  });
});
