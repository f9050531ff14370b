/**
 * The comparison of two recordings of the same test (before and after a re-record), at the level
 * of the LLM: what the model was asked, what it answered, which tools it called, why it stopped.
 */
import type { Usage } from './conversation';

/**
 * What happened to the response of one aligned pair: the same, reworded (same tool calls, same
 * finish reason, text that still says the same thing: core/diff/text-similarity.ts), changed in
 * behaviour, or only on one side. Whether the request changed is a separate verdict
 * (`ExchangeDiff.requestChanged`), so "identical" never sits beside "the request changed".
 */
export type DiffVerdict = 'identical' | 'wording-only' | 'behaviour-changed' | 'added' | 'removed';

/** Method, host and path of one side's request. */
export interface DiffEndpoint {
  method: string;
  /** Empty when the URL is not absolute (placeholders such as <OLLAMA_API_BASE>). */
  host: string;
  path: string;
}

/** One run of a text diff: kept, added (only in "after") or removed (only in "before"). */
export interface TextChange {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** A tool call reduced to what matters for comparison. */
export interface ToolCallSummary {
  name: string;
  /** Arguments as canonical JSON (sorted keys) when valid, else the raw text. */
  arguments: string;
}

/** One row of the diff: a pair of interactions (or one side alone). */
export interface ExchangeDiff {
  /** Index in the "before" cassette, or null when added. */
  before: number | null;
  /** Index in the "after" cassette, or null when removed. */
  after: number | null;
  /** What happened to the response. */
  verdict: DiffVerdict;
  /**
   * Why the response verdict, one short sentence each, e.g. "finish reason tool_calls → stop";
   * never about the request (see `requestReasons`), so a reason never contradicts its verdict.
   */
  reasons: string[];
  /** The second verdict: the request differs (messages, tools, model, method, host or path). */
  requestChanged: boolean;
  /** What differs in the request, e.g. "host api.openai.com → openrouter.ai", "the messages changed". */
  requestReasons: string[];
  /** Similarity of the two answers' texts (text-similarity.ts), when both sides exist. */
  textSimilarity: number | null;
  /** Label of the call, e.g. "POST /v1/chat/completions" (the after side's, else the before's). */
  label: string;
  /** Both sides' method, host and path; a null side is added or removed. */
  endpoint: { before: DiffEndpoint | null; after: DiffEndpoint | null };
  status: { before: number | null; after: number | null };
  /** Word-level diff of the assistant text; empty when neither side has text. */
  text: TextChange[];
  /** Line diff of the request messages and tools, rendered as text. */
  request: TextChange[];
  toolCalls: { before: ToolCallSummary[]; after: ToolCallSummary[] };
  finishReason: { before: string | null; after: string | null };
  usage: { before: Usage | null; after: Usage | null };
}

/** The whole comparison. */
export interface CassetteDiff {
  beforeName: string;
  afterName: string;
  exchanges: ExchangeDiff[];
  /** How many pairs got each response verdict. */
  counts: Record<DiffVerdict, number>;
  /** How many aligned pairs (both sides present) have a changed request. */
  requestsChanged: number;
  /**
   * True when any interaction was added, removed, or changed behaviour: CI should fail. A changed
   * request alone does not set it (a prompt edit is usually the point of a re-record); it is
   * reported beside it.
   */
  behaviourChanged: boolean;
}
