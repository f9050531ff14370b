/**
 * Every OpenAI-chat-family interaction of the corpus (facts.json api_family "openai-chat") read by
 * the real loader and this adapter, compared with the derived facts: detection, stream framing,
 * tool calls, text, finish reason, usage, error and reasoning presence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readableEntries } from '../../../../tests/support/corpus-pending';
import { loadCassette } from '../../cassette';
import { readExchange } from '../index';
import type { LlmExchange } from '../../model/conversation';

const corpusDir = join(__dirname, '../../../../tests/fixtures/corpus');

interface FactInteraction {
  index: number;
  api_family: string;
  stream_format: string | null;
  stream_events: number | null;
  is_sse: boolean;
  tool_calls: string[];
  text: string | null;
  finish_reason: string | null;
  usage: Record<string, unknown> | null;
  reasoning_text: string | null;
  error?: string | null;
  stream_error?: string | null;
}

const facts = JSON.parse(readFileSync(join(corpusDir, 'facts.json'), 'utf8')) as {
  files: Record<string, { interactions: FactInteraction[] }>;
};

const chatFiles = readableEntries(facts.files).filter(([, file]) =>
  file.interactions.some((i) => i.api_family === 'openai-chat'),
);

function textOf(llm: LlmExchange): string {
  const parts = llm.response?.message?.parts ?? [];
  return parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join('');
}

function first200(text: string): string {
  return Array.from(text).slice(0, 200).join('');
}

function factUsage(usage: Record<string, unknown> | null): [unknown, unknown] | null {
  if (!usage) return null;
  return [
    usage.prompt_tokens ?? usage.input_tokens ?? null,
    usage.completion_tokens ?? usage.output_tokens ?? null,
  ];
}

describe('OpenAI chat completions over the corpus', () => {
  it('finds the chat-completions cassettes', () => {
    expect(chatFiles.length).toBeGreaterThan(30);
  });

  for (const [file, fileFacts] of chatFiles) {
    it(file, () => {
      const cassette = loadCassette(new Uint8Array(readFileSync(join(corpusDir, file))), file);
      for (const fact of fileFacts.interactions) {
        if (fact.api_family !== 'openai-chat') continue;
        const exchange = cassette.exchanges[fact.index]!;
        const llm = readExchange(exchange);
        const where = `${file}#${fact.index}`;
        expect(llm.apiFamily, where).toBe('openai-chat');
        expect(llm.stream?.format ?? null, where).toBe(fact.stream_format);
        expect(llm.stream ? llm.stream.events.length : null, where).toBe(fact.stream_events);
        const calls = (llm.response?.message?.parts ?? []).flatMap((p) =>
          p.kind === 'tool-call' && !p.server ? [p.name] : [],
        );
        expect(calls, where).toEqual(fact.tool_calls);
        if (fact.text !== null) expect(first200(textOf(llm)), where).toBe(fact.text);
        expect(llm.response?.finishReason ?? null, where).toBe(fact.finish_reason);
        const usage = llm.response?.usage ?? null;
        expect(usage ? [usage.inputTokens, usage.outputTokens] : null, where).toEqual(factUsage(fact.usage));
        const hasReasoning = (llm.response?.message?.parts ?? []).some(
          (p) => p.kind === 'reasoning' && p.text !== '',
        );
        expect(hasReasoning, where).toBe(fact.reasoning_text !== null);
        const factError = fact.error ?? fact.stream_error ?? null;
        expect(llm.response?.error?.message ?? null, where).toBe(factError);
      }
    });
  }
});
