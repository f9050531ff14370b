/**
 * The comparison of two recordings of the same test (before and after a re-record), at the level
 * of the LLM: what the model was asked, what it answered, which tools it called, why it stopped.
 */
import type { Usage } from './conversation';

/** What changed in one aligned pair of interactions. */
export type DiffVerdict = 'identical' | 'wording-only' | 'behaviour-changed' | 'added' | 'removed';

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
  verdict: DiffVerdict;
  /** Why the verdict, one short sentence each, e.g. "finish reason tool_calls → stop". */
  reasons: string[];
  /** Label of the call, e.g. "POST /v1/chat/completions". */
  label: string;
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
  counts: Record<DiffVerdict, number>;
  /** True when any interaction was added, removed, or changed behaviour: CI should fail. */
  behaviourChanged: boolean;
}
