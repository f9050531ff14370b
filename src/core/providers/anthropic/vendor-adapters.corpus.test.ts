/**
 * Corpus test for the Anthropic, Gemini and Bedrock adapters: every interaction of the 150-file
 * corpus (tests/fixtures/corpus, a byte-for-byte copy of shared/cassettes) whose facts.json family
 * is one of these three is read by the adapter and compared, through the real inspect mapping,
 * with facts.json on api_family, tool_calls, server_tool_calls, text, reasoning_text (present or
 * absent), finish_reason, usage input/output tokens and error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readableEntries } from '../../../../tests/support/corpus-pending';
import { FACT_CORRECTIONS } from '../../../../tests/corpus/facts-corrections';
import { loadCassette } from '../../cassette';
import { toInspectInteraction } from '../../inspect/inspect-report';
import type { Cassette } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import { detectAdapter } from '../index';
import { bedrockAdapter } from '../bedrock/bedrock-adapter';
import { geminiAdapter } from '../gemini/gemini-adapter';
import { anthropicMessagesAdapter } from './messages-adapter';

const CORPUS = join(__dirname, '../../../../tests/fixtures/corpus');

interface FactInteraction {
  index: number;
  api_family: string;
  tool_calls: string[];
  server_tool_calls: string[];
  text: string | null;
  reasoning_text: string | null;
  finish_reason: string | null;
  usage: Record<string, unknown> | null;
  error?: string | null;
  stream_error?: string | null;
}

const facts = JSON.parse(readFileSync(join(CORPUS, 'facts.json'), 'utf8')) as {
  files: Record<string, { interactions: FactInteraction[] }>;
};

const ADAPTERS: Record<string, ApiAdapter> = {
  'anthropic-messages': anthropicMessagesAdapter,
  gemini: geminiAdapter,
  bedrock: bedrockAdapter,
};

/** Input/output token keys of each API's own usage object, as facts.json records it raw. */
function factTokens(
  usage: Record<string, unknown> | null,
): { input_tokens: unknown; output_tokens: unknown } | null {
  if (!usage) return null;
  if ('promptTokenCount' in usage || 'candidatesTokenCount' in usage) {
    return {
      input_tokens: usage.promptTokenCount ?? null,
      output_tokens: usage.candidatesTokenCount ?? null,
    };
  }
  if ('inputTokens' in usage)
    return { input_tokens: usage.inputTokens ?? null, output_tokens: usage.outputTokens ?? null };
  return { input_tokens: usage.input_tokens ?? null, output_tokens: usage.output_tokens ?? null };
}

/**
 * The project's reviewed facts.json corrections (tests/corpus/facts-corrections.ts), one source of
 * truth for every corpus test: the expected value of a field is the correction when there is one.
 */
function expected<T>(file: string, index: number, field: string, fact: T): unknown {
  const correction = FACT_CORRECTIONS.find(
    (c) => c.file === file && c.interaction === index && c.field === field,
  );
  return correction ? correction.value : fact;
}

function tryLoad(file: string): Cassette | Error {
  try {
    return loadCassette(new Uint8Array(readFileSync(join(CORPUS, file))), file);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const files = readableEntries(facts.files).filter(([, entry]) =>
  entry.interactions.some((interaction) => interaction.api_family in ADAPTERS),
);

describe('Anthropic, Gemini and Bedrock adapters over the corpus', () => {
  it('has corpus interactions for each of the three families', () => {
    const families = new Set(files.flatMap(([, entry]) => entry.interactions.map((i) => i.api_family)));
    for (const family of Object.keys(ADAPTERS)) expect(families.has(family)).toBe(true);
  });

  it('the registry picks these adapters for exactly their facts.json families, over the whole corpus', () => {
    const mismatches: string[] = [];
    for (const [file, entry] of readableEntries(facts.files)) {
      const cassette = tryLoad(file);
      if (cassette instanceof Error) {
        mismatches.push(`${file}: does not load: ${cassette.message}`);
        continue;
      }
      for (const fact of entry.interactions) {
        const http = cassette.exchanges[fact.index];
        if (!http) {
          mismatches.push(`${file}#${fact.index}: no such interaction`);
          continue;
        }
        const chosen = detectAdapter(http);
        const mine = Object.values(ADAPTERS).includes(chosen);
        const expected = fact.api_family in ADAPTERS;
        if (mine !== expected || (expected && chosen.family !== fact.api_family)) {
          mismatches.push(`${file}#${fact.index}: facts ${fact.api_family}, chosen ${chosen.id}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  for (const [file, entry] of files) {
    const cassette = tryLoad(file);
    describe(file, () => {
      // A fixture that stops loading fails here and in every interaction below.
      it('loads', () => expect(cassette instanceof Error ? cassette.message : null).toBeNull());
      for (const fact of entry.interactions) {
        const adapter = ADAPTERS[fact.api_family];
        if (!adapter) continue;
        it(`interaction ${fact.index}`, () => {
          if (cassette instanceof Error) throw cassette;
          const http = cassette.exchanges[fact.index];
          if (!http) throw new Error(`${file} has no interaction ${fact.index}`);
          expect(adapter.detect(http)).toBeGreaterThanOrEqual(0.5);
          const llm = adapter.read(http);
          const report = toInspectInteraction({ http, llm });
          expect(report.api_family).toBe(expected(file, fact.index, 'api_family', fact.api_family));
          expect(report.tool_calls).toEqual(expected(file, fact.index, 'tool_calls', fact.tool_calls));
          expect(report.server_tool_calls).toEqual(
            expected(file, fact.index, 'server_tool_calls', fact.server_tool_calls),
          );
          expect(report.text).toBe(expected(file, fact.index, 'text', fact.text));
          expect(report.reasoning_text === null).toBe(fact.reasoning_text === null);
          expect(report.finish_reason).toBe(expected(file, fact.index, 'finish_reason', fact.finish_reason));
          expect(report.usage).toEqual(expected(file, fact.index, 'usage', factTokens(fact.usage)));
          expect(report.error).toBe(
            expected(file, fact.index, 'error', fact.error ?? fact.stream_error ?? null),
          );
          // Invariants beyond facts.json: complete tool arguments parse, and every tool result in
          // the request answers a call made earlier in the same request (by id; Gemini by name).
          // Every corpus stream is complete: no "ended without" note (no false alarms).
          expect(llm.notes.filter((note) => note.startsWith('stream ended without'))).toEqual([]);
          for (const part of llm.response?.message?.parts ?? []) {
            if (part.kind === 'tool-call') expect(part.argumentsError).toBeUndefined();
          }
          const calls = (llm.request?.messages ?? [])
            .flatMap((m) => m.parts)
            .filter((p) => p.kind === 'tool-call');
          for (const part of (llm.request?.messages ?? []).flatMap((m) => m.parts)) {
            if (part.kind !== 'tool-result') continue;
            if (part.callId !== null) expect(calls.map((call) => call.id)).toContain(part.callId);
            else expect(calls.map((call) => call.name)).toContain(part.name);
          }
        });
      }
    });
  }
});
