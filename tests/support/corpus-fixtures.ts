/**
 * The cassette corpus under tests/fixtures/corpus (byte-for-byte copies of shared/cassettes, see
 * tests/fixtures/README.md) and its derived facts. Tests read only the repository, never
 * /work/shared, so a fresh clone runs them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

/** Files in the corpus folder that are not cassettes. */
const NOT_CASSETTES = new Set(['SOURCES.md', 'facts.json', '.gitattributes']);

/** One interaction as facts.json records it (tools/cassette_facts.py). */
export interface FactInteraction {
  index: number;
  method: string;
  url: string;
  status: number | null;
  is_sse: boolean;
  stream_format: string | null;
  stream_events: number | null;
  api_family: string;
  api_detail: string | null;
  duration_ms: number | null;
  tool_calls: string[];
  server_tool_calls: string[];
  text: string | null;
  text_length: number;
  reasoning_text: string | null;
  /** Present only where the response has audio output. */
  audio_transcript?: string | null;
  /** Present only where the response has generated images (then above 0). */
  images?: number;
  finish_reason: string | null;
  /** The provider's raw usage object, as recorded. */
  usage: unknown;
  stream_error: string | null;
  /** Present only for error responses. */
  error?: string | null;
}

export interface FactFile {
  bytes: number;
  format: string;
  format_variant: string;
  interaction_count: number;
  interactions: FactInteraction[];
}

/** Every cassette path, relative to the corpus folder with `/` separators, sorted. */
export function listCorpusFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        entry.isFile() &&
        !(dir === CORPUS_DIR.replace(/[\\/]$/, '') && NOT_CASSETTES.has(entry.name))
      ) {
        found.push(relative(CORPUS_DIR, full).split(sep).join('/'));
      }
    }
  };
  walk(CORPUS_DIR.replace(/[\\/]$/, ''));
  return found.sort();
}

export function readCorpusBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS_DIR, relativePath)));
}

/** facts.json `files`, keyed by relative path (a Map: the keys come from a file). */
export function loadFacts(): Map<string, FactFile> {
  const parsed = JSON.parse(readFileSync(join(CORPUS_DIR, 'facts.json'), 'utf8')) as {
    files: Record<string, FactFile>;
  };
  return new Map(Object.entries(parsed.files));
}

function numberAt(value: unknown, ...path: string[]): number | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'number' ? current : undefined;
}

/** Raw usage key paths for input tokens, by provider; the first one present wins. */
const INPUT_KEYS: string[][] = [
  ['prompt_tokens'], // OpenAI Chat and compatibles
  ['input_tokens'], // OpenAI Responses, Anthropic
  ['promptTokenCount'], // Gemini usageMetadata
  ['inputTokens'], // Bedrock Converse
  ['prompt_eval_count'], // Ollama native
  ['tokens', 'input_tokens'], // Cohere v2: tokens the model processed (billed_units is what was charged)
  ['billed_units', 'input_tokens'],
];
const OUTPUT_KEYS: string[][] = [
  ['completion_tokens'],
  ['output_tokens'],
  ['candidatesTokenCount'],
  ['outputTokens'],
  ['eval_count'],
  ['tokens', 'output_tokens'],
  ['billed_units', 'output_tokens'],
];

/**
 * facts.json keeps each provider's raw usage object; inspect --json normalizes it
 * (shared/docs/inspect-json.md `usage`). Null when the facts have no usage.
 */
export function normalizeFactUsage(
  raw: unknown,
): { input_tokens: number | null; output_tokens: number | null } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const pick = (paths: string[][]): number | null => {
    for (const path of paths) {
      const value = numberAt(raw, ...path);
      if (value !== undefined) return value;
    }
    return null;
  };
  return { input_tokens: pick(INPUT_KEYS), output_tokens: pick(OUTPUT_KEYS) };
}
