/**
 * `AnalyzedCassette` → the object `cassette-viewer inspect --json` prints.
 *
 * Contract: shared/docs/inspect-json.md. Field names, order and definitions are the same as in
 * shared/cassettes/facts.json so the corpus tests can compare the two key by key. This module only
 * reads the model that the loader and the adapters produced; it never parses bodies itself, so the
 * CLI and the page can never disagree about a cassette.
 */
import type { AnalyzedCassette, AnalyzedExchange } from '../model/analysis';
import type { Anomaly, AnomalyKind } from '../model/anomaly';
import type { ApiFamily, ContentPart, LlmExchange } from '../model/conversation';
import type { CassetteFormat, Diagnostic } from '../model/http';
import type { StreamFormat } from '../model/stream';
import { findAnomalies } from '../doctor/find-anomalies';
import { codePointLength, firstCodePoints } from './code-points';

/** inspect-json.md: `text` and `reasoning_text` are cut to this many code points. */
const TEXT_LIMIT_CODE_POINTS = 200;

/** Normalized token counts (inspect-json.md `usage`). */
export interface InspectUsage {
  input_tokens: number | null;
  output_tokens: number | null;
}

/** One interaction of the report, in the documented key order. */
export interface InspectInteraction {
  index: number;
  method: string;
  url: string;
  status: number | null;
  api_family: ApiFamily;
  api: string;
  model: string | null;
  is_sse: boolean;
  stream_format: StreamFormat | null;
  stream_events: number | null;
  tool_calls: string[];
  server_tool_calls: string[];
  text: string | null;
  text_length: number;
  reasoning_text: string | null;
  /** Transcript of generated audio, first 200 code points, or null (docs/inspect-json.md). */
  audio_transcript: string | null;
  /** Images the model generated in this response (0 when none). */
  images: number;
  finish_reason: string | null;
  usage: InspectUsage | null;
  duration_ms: number | null;
  error: string | null;
  anomalies: string[];
  /** The same findings as `anomalies`, in the same order, as data (docs/inspect-json.md). */
  anomaly_details: InspectAnomaly[];
}

/** One stream-doctor finding (model/anomaly.ts) in inspect terms. */
export interface InspectAnomaly {
  kind: AnomalyKind;
  severity: Anomaly['severity'];
  /** The stream event it points at, counted like `stream_events` from 0; null when none applies. */
  event_index: number | null;
  message: string;
}

/** The whole `inspect --json` object. */
export interface InspectReport {
  file: string;
  format: CassetteFormat;
  interaction_count: number;
  warnings: string[];
  interactions: InspectInteraction[];
}

/** Build the report; `fileName` may be a path, the report keeps its base name (inspect-json.md `file`). */
export function toInspectReport(analyzed: AnalyzedCassette, fileName: string): InspectReport {
  const { cassette } = analyzed;
  const warnings = cassette.warnings.map(describeDiagnostic);
  for (const exchange of cassette.exchanges) {
    for (const warning of exchange.warnings) {
      warnings.push(
        describeDiagnostic({ ...warning, exchangeIndex: warning.exchangeIndex ?? exchange.index }),
      );
    }
  }
  // The stream doctor (issue 7) finds problems across the whole cassette (retries, unknown tool
  // results); its findings are filed under each interaction, as sentences and as data.
  const anomaliesByExchange = new Map<number, Anomaly[]>();
  for (const anomaly of doctorFindings(analyzed)) {
    const list = anomaliesByExchange.get(anomaly.exchangeIndex) ?? [];
    list.push(anomaly);
    anomaliesByExchange.set(anomaly.exchangeIndex, list);
  }
  return {
    file: baseName(fileName),
    format: cassette.format,
    interaction_count: analyzed.exchanges.length,
    warnings,
    interactions: analyzed.exchanges.map((exchange) => {
      const findings = anomaliesByExchange.get(exchange.http.index) ?? [];
      return {
        ...toInspectInteraction(exchange),
        anomalies: findings.map((a) => a.message),
        anomaly_details: findings.map(toInspectAnomaly),
      };
    }),
  };
}

/** One finding as data; `exchangeIndex` is implied by the interaction it is filed under. */
function toInspectAnomaly(anomaly: Anomaly): InspectAnomaly {
  return {
    kind: anomaly.kind,
    severity: anomaly.severity,
    event_index: anomaly.eventIndex ?? null,
    message: anomaly.message,
  };
}

/**
 * The findings analyzeCassette already attached (so the page and the CLI show the same list), or,
 * for an AnalyzedCassette built without them, the doctor run here.
 */
function doctorFindings(analyzed: AnalyzedCassette): Anomaly[] {
  if ('anomalies' in analyzed && Array.isArray(analyzed.anomalies)) return analyzed.anomalies as Anomaly[];
  return findAnomalies(analyzed);
}

/** One interaction in inspect terms. */
export function toInspectInteraction(exchange: AnalyzedExchange): InspectInteraction {
  const { http, llm } = exchange;
  const stream = llm.stream;
  const parts = llm.response?.message?.parts ?? [];
  const fullText = assistantText(llm, parts);
  const reasoning = joinParts(parts, 'reasoning');
  const transcript = audioTranscript(parts);
  const usage = llm.response?.usage ?? null;
  return {
    index: http.index,
    method: http.request.method.toUpperCase(),
    url: http.request.url,
    status: http.response?.status ?? null,
    api_family: llm.apiFamily,
    api: llm.api,
    model: llm.request?.model ?? llm.response?.model ?? null,
    is_sse: stream?.format === 'sse',
    stream_format: stream?.format ?? null,
    stream_events: stream ? stream.events.length : null,
    tool_calls: toolCallNames(parts, false),
    server_tool_calls: toolCallNames(parts, true),
    text: fullText === null ? null : firstCodePoints(fullText, TEXT_LIMIT_CODE_POINTS),
    text_length: fullText === null ? 0 : codePointLength(fullText),
    reasoning_text: reasoning === '' ? null : firstCodePoints(reasoning, TEXT_LIMIT_CODE_POINTS),
    audio_transcript: transcript === null ? null : firstCodePoints(transcript, TEXT_LIMIT_CODE_POINTS),
    images: generatedImages(parts),
    finish_reason: llm.response?.finishReason ?? null,
    usage: usage ? { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens } : null,
    duration_ms: http.timing.durationMs,
    error: providerErrorMessage(llm),
    // Filled in by toInspectReport: some findings need the whole cassette.
    anomalies: [],
    anomaly_details: [],
  };
}

/**
 * The assistant text, or null when the exchange is not an LLM response at all.
 * inspect-json.md: `""` if none; `null` if not an LLM response. An exchange counts as an LLM
 * response when an adapter of a known family read it, or when any adapter (Cohere, Ollama, legacy
 * completions, all family `other`) found a request or an assistant message in it. A stream that
 * no adapter understood (an MCP SSE reply, an Assistants run stream) is not one: facts.json gives
 * `null` there too.
 */
function assistantText(llm: LlmExchange, parts: ContentPart[]): string | null {
  // Images and embeddings endpoints make no text at all (facts.json: `text: null` for OpenAI Images).
  if (llm.output !== undefined) return null;
  const isLlm = llm.apiFamily !== 'other' || llm.response?.message != null || llm.request !== null;
  return isLlm ? joinParts(parts, 'text') : null;
}

/** Concatenate the text of every part of one kind, in order (facts.json: "deltas concatenated"). */
function joinParts(parts: ContentPart[], kind: 'text' | 'reasoning'): string {
  let joined = '';
  for (const part of parts) {
    if (part.kind === kind) joined += part.text;
  }
  return joined;
}

/**
 * inspect-json.md `audio_transcript`: the transcripts of the response's generated audio, joined;
 * null when the response has no audio with a transcript.
 */
function audioTranscript(parts: ContentPart[]): string | null {
  let joined: string | null = null;
  for (const part of parts) {
    if (part.kind === 'audio' && part.transcript !== undefined) joined = (joined ?? '') + part.transcript;
  }
  return joined;
}

/** inspect-json.md `images`: generated images in the response, thought images excluded. */
function generatedImages(parts: ContentPart[]): number {
  return parts.filter((part) => part.kind === 'image' && part.thought !== true).length;
}

function toolCallNames(parts: ContentPart[], server: boolean): string[] {
  const names: string[] = [];
  for (const part of parts) {
    if (part.kind === 'tool-call' && (part.server === true) === server) names.push(part.name);
  }
  return names;
}

/** The provider's error: the response's own error, else the first error carried inside the stream. */
function providerErrorMessage(llm: LlmExchange): string | null {
  const error = llm.response?.error;
  if (error) return error.message;
  for (const delta of llm.deltas) {
    if (delta.kind === 'error') return delta.error.message;
  }
  return null;
}

/** "interaction 3, line 12, column 4: message" — location first so a terminal reader can jump to it. */
function describeDiagnostic(diagnostic: Diagnostic): string {
  const where: string[] = [];
  if (diagnostic.exchangeIndex !== undefined) where.push(`interaction ${diagnostic.exchangeIndex}`);
  if (diagnostic.line !== undefined) where.push(`line ${diagnostic.line}`);
  if (diagnostic.column !== undefined) where.push(`column ${diagnostic.column}`);
  const prefix = diagnostic.severity === 'error' ? 'error: ' : '';
  return where.length > 0
    ? `${where.join(', ')}: ${prefix}${diagnostic.message}`
    : `${prefix}${diagnostic.message}`;
}

/** Base name of a POSIX or Windows path, without touching Node's `path` (core runs in the browser too). */
export function baseName(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return cut === -1 ? fileName : fileName.slice(cut + 1);
}
