/**
 * Corpus test for the OpenAI Responses, legacy Completions, Cohere v2, Ollama native and
 * Sourcegraph adapters: every interaction of tests/fixtures/corpus that facts.json attributes to one
 * of these APIs is loaded, read through the registry (so detection is tested too) and compared with
 * facts.json on the inspect --json fields (shared/docs/inspect-json.md).
 *
 * Known-wrong facts are corrected in CORRECTIONS with the reason; everything else must match.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readableEntries } from '../../../../tests/support/corpus-pending';
import { analyzeCassette } from '../../analyze';
// A corpus test needs the loader; the adapters themselves never import core/cassette.
import { loadCassette } from '../../cassette';
import { toInspectInteraction } from '../../inspect/inspect-report';

const CORPUS = join(__dirname, '../../../../tests/fixtures/corpus');

interface Fact {
  index: number;
  api_family: string;
  api_detail: string | null;
  tool_calls: string[];
  server_tool_calls: string[];
  text: string | null;
  reasoning_text: string | null;
  finish_reason: string | null;
  usage: Record<string, unknown> | null;
  stream_error: string | null;
  stream_events: number | null;
}

/** facts.json `api_detail` / `api_family` → the adapter id that must read the interaction. */
function expectedApi(fact: Fact): string | null {
  if (fact.api_family === 'openai-responses') return 'openai.responses';
  switch (fact.api_detail) {
    case 'openai-completions':
      return 'openai.completions';
    case 'cohere-v2-chat':
      return 'cohere.chat-v2';
    case 'ollama-chat':
      return 'ollama.native';
    case 'sourcegraph-completions':
      return 'sourcegraph.completions';
    default:
      return null;
  }
}

/** facts.json keeps the provider's raw usage; normalize it the way inspect-json.md defines. */
function normalizeUsage(
  raw: Record<string, unknown> | null,
): { input_tokens: unknown; output_tokens: unknown } | null {
  if (!raw) return null;
  const tokens = (raw.tokens ?? raw.billed_units) as Record<string, unknown> | undefined;
  return {
    input_tokens:
      raw.input_tokens ?? raw.prompt_tokens ?? raw.prompt_eval_count ?? tokens?.input_tokens ?? null,
    output_tokens:
      raw.output_tokens ?? raw.completion_tokens ?? raw.eval_count ?? tokens?.output_tokens ?? null,
  };
}

/** Facts believed wrong, keyed `file#index`, with the value we assert instead (see the report). */
const CORRECTIONS: Record<string, Partial<Record<keyof Fact, unknown>>> = {};

const facts = JSON.parse(readFileSync(join(CORPUS, 'facts.json'), 'utf8')) as {
  files: Record<string, { interactions: Fact[] }>;
};
const cases: Array<{ file: string; indices: number[] }> = [];
for (const [file, entry] of readableEntries(facts.files)) {
  const indices = entry.interactions.filter((fact) => expectedApi(fact) !== null).map((fact) => fact.index);
  if (indices.length > 0) cases.push({ file, indices });
}

describe('Responses and long-tail adapters over the corpus', () => {
  it('finds interactions for every adapter', () => {
    const apis = new Set(
      cases.flatMap(({ file, indices }) =>
        indices.map((i) => expectedApi(facts.files[file]!.interactions.find((f) => f.index === i)!)),
      ),
    );
    expect([...apis].sort()).toEqual([
      'cohere.chat-v2',
      'ollama.native',
      'openai.completions',
      'openai.responses',
      'sourcegraph.completions',
    ]);
  });

  it.each(cases)('$file', ({ file, indices }) => {
    const cassette = loadCassette(new Uint8Array(readFileSync(join(CORPUS, file))), file);
    const analyzed = analyzeCassette(cassette);
    for (const index of indices) {
      const fact = facts.files[file]!.interactions.find((f) => f.index === index)!;
      const correction = CORRECTIONS[`${file}#${index}`] ?? {};
      const expected = { ...fact, ...correction } as Fact;
      const exchange = analyzed.exchanges.find((e) => e.http.index === index);
      expect(exchange, `interaction ${index}`).toBeDefined();
      const report = toInspectInteraction(exchange!);
      const where = `${file} #${index}`;
      expect(report.api, where).toBe(expectedApi(fact));
      expect(
        exchange!.llm.notes.filter((n) => n.startsWith('adapter error')),
        where,
      ).toEqual([]);
      expect(report.api_family, where).toBe(expected.api_family);
      expect(report.tool_calls, where).toEqual(expected.tool_calls);
      expect(report.server_tool_calls, where).toEqual(expected.server_tool_calls);
      expect(report.text, where).toBe(expected.text);
      expect(report.reasoning_text === null, `${where} reasoning present`).toBe(
        expected.reasoning_text === null,
      );
      if (expected.reasoning_text !== null)
        expect(report.reasoning_text, where).toBe(expected.reasoning_text);
      expect(report.finish_reason, where).toBe(expected.finish_reason);
      expect(report.usage, where).toEqual(normalizeUsage(expected.usage));
      expect(report.stream_events, where).toBe(expected.stream_events);
      if (expected.stream_error !== null) expect(report.error, where).toBe(expected.stream_error);
    }
  });
});
