/**
 * Quick check of the loader alone over the corpus (the copies in tests/fixtures/corpus, or another
 * copy named by CASSETTE_CORPUS). The full corpus test lives under tests/corpus. Compares what the
 * loader alone can know with facts.json: format, variant, interaction count, and per interaction
 * method/url/status/duration. Known facts.json errors are listed in FACTS_CORRECTIONS with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPendingCorpusFile } from '../../../tests/support/corpus-pending';
import { loadCassette } from './index';

const CORPUS = process.env.CASSETTE_CORPUS ?? join(__dirname, '../../../tests/fixtures/corpus');
const FACTS = join(CORPUS, 'facts.json');

interface FactInteraction {
  method: string;
  url: string;
  status: number | null;
  duration_ms: number | null;
}
interface FactFile {
  format: string;
  format_variant: string;
  interaction_count: number;
  interactions: FactInteraction[];
}

/** file → field → [value we assert instead, why facts.json is wrong]. */
const FACTS_CORRECTIONS: Record<string, Record<string, [unknown, string]>> = {};

const facts = (JSON.parse(readFileSync(FACTS, 'utf8')) as { files: Record<string, FactFile> }).files;

describe('corpus smoke (the loader alone)', () => {
  it.each(Object.keys(facts).filter((path) => !isPendingCorpusFile(path)))('%s', (path) => {
    const fact = facts[path]!;
    const bytes = new Uint8Array(readFileSync(join(CORPUS, path)));
    const cassette = loadCassette(bytes, path);
    const corrections = FACTS_CORRECTIONS[path] ?? {};
    const want = (fieldName: string, value: unknown) =>
      fieldName in corrections ? corrections[fieldName]![0] : value;
    expect({
      format: cassette.format,
      variant: cassette.formatVariant,
      count: cassette.exchanges.length,
    }).toEqual({
      format: want('format', fact.format),
      variant: want('format_variant', fact.format_variant),
      count: want('interaction_count', fact.interaction_count),
    });
    cassette.exchanges.forEach((exchange, i) => {
      const expected = fact.interactions[i]!;
      expect({
        i,
        method: exchange.request.method,
        url: exchange.request.url,
        status: exchange.response?.status ?? null,
      }).toEqual({ i, method: expected.method, url: expected.url, status: expected.status });
      if (expected.duration_ms === null) expect(exchange.timing.durationMs).toBeNull();
      else expect(exchange.timing.durationMs).toBeCloseTo(expected.duration_ms, 6);
    });
    // Detection reads content only: the same bytes under another name give the same result.
    const anonymous = loadCassette(bytes, 'unknown');
    expect(anonymous.format).toBe(cassette.format);
    expect(anonymous.exchanges.length).toBe(cassette.exchanges.length);
  });
});
