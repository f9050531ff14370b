/**
 * The fast YAML path against the slow one (fast-yaml-differential.ts): every fixture file of the corpus and the hostile set.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFast } from './fast-yaml';
import { decodedText, differential, FIXTURES, listFiles, ROOT } from './fast-yaml-differential.test-support';
describe('fast YAML path: every fixture file', () => {
  // tests/fixtures/hostile/generated/ exists once `node scripts/make-hostile-fixtures.mjs` (or the
  // hostile tests) ran; whatever is there is compared.
  const files = FIXTURES.flatMap(listFiles).map((path) => relative(ROOT, path));

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
