/**
 * The stream doctor: finds what went wrong in each interaction of a cassette, from the HTTP status
 * down to single stream events, so "the test passed yesterday" can be answered from the file. Pure;
 * it reads only the model (stream traces, deltas, thread), never the raw file.
 */
import { appendAll } from '../../lib/arrays';
import type { AnalyzedCassette, AnalyzedExchange } from '../model/analysis';
import type { Anomaly } from '../model/anomaly';
import type { ContentPart } from '../model/conversation';
import type { StreamFormat, StreamIssue } from '../model/stream';
import { finishEvent, inEvent, toolCallEvents } from './finding-events';
import { findRetries } from './find-retries';
import { findInvalidJson } from './invalid-json-findings';
import { findSequenceProblems } from './sequence-order';
import { asksForUsage, hasTerminalEvent } from './terminal-event';
import { isCapReason, requestedCap } from './token-cap';

/** Finish reasons that mean the model stopped before it was done (spelled as each provider does). */
const EARLY_STOPS = new Set([
  'length',
  'max_tokens',
  'max_output_tokens',
  'content_filter',
  'safety',
  'recitation',
  'prohibited_content',
  'spii',
  'blocklist',
  'model_length',
  'refusal',
  'guardrail_intervened',
  'content_filtered',
]);

/** Every finding for every interaction, in interaction order. */
export function findAnomalies(analyzed: Pick<AnalyzedCassette, 'exchanges' | 'thread'>): Anomaly[] {
  const own: Anomaly[] = [];
  for (const exchange of analyzed.exchanges) appendAll(own, findExchangeAnomalies(exchange));
  return mergeFindings(own, findCassetteAnomalies(analyzed));
}

/**
 * The one order of a cassette's findings, whichever way it was read (core/load/overview-builder):
 * each interaction's own findings in file order, then the cross ones, stably sorted by interaction.
 */
export function mergeFindings(own: readonly Anomaly[], cross: readonly Anomaly[]): Anomaly[] {
  return [...own, ...cross].sort((a, b) => a.exchangeIndex - b.exchangeIndex);
}

/**
 * Findings across interactions: tool results that answer no call, and retries. They read the
 * thread, the requests and the response statuses only, never a response body, a stream event or a
 * delta (so the split load can run them on exchanges without those, core/summarize-exchange.ts).
 */
export function findCassetteAnomalies(analyzed: Pick<AnalyzedCassette, 'exchanges' | 'thread'>): Anomaly[] {
  return [...findUnknownToolResults(analyzed), ...findRetries(analyzed.exchanges)];
}

/** Findings that need only one interaction. */
export function findExchangeAnomalies({ http, llm }: AnalyzedExchange): Anomaly[] {
  const out: Anomaly[] = [];
  const at = http.index;
  const add = (a: Omit<Anomaly, 'exchangeIndex'>) => out.push({ ...a, exchangeIndex: at });
  const status = http.response?.status ?? null;
  const error = llm.response?.error ?? null;
  if (status !== null && status >= 400) {
    add({
      kind: 'http-error',
      severity: 'error',
      message: `HTTP ${status}${error ? `: ${error.message}` : ''}`,
    });
  } else if (error) {
    add({
      kind: 'stream-error',
      severity: 'error',
      eventIndex: error.eventIndex,
      message: `error ${error.eventIndex !== undefined ? `in event ${error.eventIndex}` : 'in the response'}: ${error.message}`,
    });
  }
  const stream = llm.stream;
  if (stream) {
    if (!error) {
      const inStream = findErrorEvent(llm);
      if (inStream) add(inStream);
    }
    if (looksLikeJsonApi(llm.apiFamily)) findInvalidJson(stream.events, add);
    for (const issue of stream.issues.slice(0, 20)) {
      add({
        // An SSE line, or a frame of the other framings (NDJSON line, JSON array, AWS event-stream).
        kind: stream.format === 'sse' ? 'invalid-sse-line' : 'invalid-framing',
        severity: 'warning',
        eventIndex: issue.eventIndex,
        message: framingMessage(stream.format, issue),
      });
    }
    const ok = status === null || (status >= 200 && status < 300);
    // An API the app does not know has no known last word: only a cut framing counts there (an
    // MCP server's SSE reply is one event and ends).
    const knownApi = llm.api !== 'raw.http';
    if (ok && !error && (stream.truncated || (knownApi && !hasTerminalEvent(llm)))) {
      const last = stream.events.length - 1;
      add({
        kind: 'no-terminal-event',
        severity: 'error',
        eventIndex: last >= 0 ? last : undefined,
        message:
          last >= 0 ? `stream stops after event ${last} without its terminal event` : 'stream has no events',
      });
    }
    appendAll(out, findSequenceProblems(llm, at));
  }
  const response = llm.response;
  const finish = response?.finishReason ?? null;
  const cap = finish && isCapReason(finish) ? requestedCap(llm.request?.params) : null;
  if (finish && cap) {
    const eventIndex = finishEvent(llm, finish);
    add({
      kind: 'stopped-at-cap',
      severity: 'info',
      eventIndex,
      message: `stopped at ${cap.name} = ${cap.value}, as the request asked (finish reason "${finish}"${inEvent(eventIndex)})`,
    });
  } else if (finish && isEarlyStop(finish)) {
    const eventIndex = finishEvent(llm, finish);
    add({
      kind: 'stopped-early',
      severity: 'warning',
      eventIndex,
      message: `finish reason "${finish}"${inEvent(eventIndex)}: the model stopped before it was done`,
    });
  }
  if (response?.unreadBody) {
    add({
      kind: 'unreadable-body',
      severity: 'error',
      message: `${response.unreadBody.reason}; the body is shown raw`,
    });
  }
  const message = response?.message ?? null;
  const callEvents = toolCallEvents(llm);
  let callPosition = 0;
  for (const part of message?.parts ?? []) {
    if (part.kind !== 'tool-call') continue;
    const eventIndex = callEvents[callPosition++];
    if (part.argumentsError !== undefined && part.argumentsText.trim() !== '') {
      add({
        kind: 'invalid-tool-arguments',
        severity: 'error',
        eventIndex,
        message: `arguments of tool call ${part.name}${eventIndex !== undefined ? ` (event ${eventIndex})` : ''} are not valid JSON: ${part.argumentsError}`,
      });
    }
  }
  if (
    llm.apiFamily !== 'other' &&
    status !== null &&
    status < 300 &&
    !error &&
    message &&
    isEmpty(message.parts)
  ) {
    add({
      kind: 'empty-completion',
      severity: 'warning',
      message: 'the model returned no text, no tool call and no reasoning',
    });
  }
  // A cut stream explains missing usage already; report it only for streams that did end.
  const cut = out.some((a) => a.kind === 'no-terminal-event');
  if (stream && !cut && !error && !response?.usage && asksForUsage(llm.request?.params)) {
    add({
      kind: 'missing-usage',
      severity: 'warning',
      message: 'the request asked for usage (stream_options.include_usage) but the stream has none',
    });
  }
  return out;
}

/**
 * An error inside a 2xx stream that the adapter did not already report: an `event: error` block,
 * a payload whose `type` is "error" (Anthropic), or a payload with an `error` field (OpenRouter
 * mid-stream errors, https://openrouter.ai/docs/api-reference/streaming).
 */
function findErrorEvent(llm: AnalyzedExchange['llm']): Omit<Anomaly, 'exchangeIndex'> | null {
  for (const event of llm.stream?.events ?? []) {
    const json = event.json as Record<string, unknown> | undefined;
    const isError =
      event.event === 'error' ||
      json?.type === 'error' ||
      (json !== undefined && json !== null && json.error != null);
    if (!isError) continue;
    const detail = json?.error ?? json ?? event.data;
    const message =
      typeof detail === 'object' &&
      detail !== null &&
      typeof (detail as { message?: unknown }).message === 'string'
        ? (detail as { message: string }).message
        : typeof detail === 'string'
          ? detail
          : event.data.slice(0, 200);
    return {
      kind: 'stream-error',
      severity: 'error',
      eventIndex: event.index,
      message: `error in event ${event.index}: ${message}`,
    };
  }
  return null;
}

/**
 * A line or frame that breaks the framing, in the stream's own terms: the kind is named after SSE,
 * the most common framing, but AWS event-stream frames and JSON-array / NDJSON lines break too.
 */
function framingMessage(format: StreamFormat, issue: StreamIssue): string {
  if (format === 'aws-eventstream') return `AWS event-stream frame broken at ${issue.text}: ${issue.message}`;
  const where = `line ${issue.line}${issue.eventIndex !== undefined ? ` (event ${issue.eventIndex})` : ''}`;
  if (format === 'sse') return `${where} is not valid SSE: ${issue.message}`;
  return `${where} breaks the ${format === 'ndjson' ? 'NDJSON' : 'JSON array'} stream: ${issue.message}`;
}

function isEarlyStop(reason: string): boolean {
  const lower = reason.toLowerCase();
  return EARLY_STOPS.has(lower) || lower.startsWith('incomplete') || lower === 'failed';
}

function isEmpty(parts: readonly ContentPart[]): boolean {
  return !parts.some((p) => p.kind !== 'text' || p.text.trim() !== '');
}

function looksLikeJsonApi(family: string): boolean {
  return family !== 'other';
}

function findUnknownToolResults({ thread }: Pick<AnalyzedCassette, 'thread'>): Anomaly[] {
  const linked = new Set(
    thread.links.filter((l) => l.result).map((l) => `${l.result!.item}:${l.result!.part}`),
  );
  const out: Anomaly[] = [];
  thread.items.forEach((item, itemIndex) => {
    const messages = item.kind === 'message' ? [item.message] : item.kind === 'history' ? [] : [];
    for (const message of messages) {
      message.parts.forEach((part, partIndex) => {
        if (part.kind === 'tool-result' && !linked.has(`${itemIndex}:${partIndex}`)) {
          out.push({
            kind: 'unknown-tool-result',
            severity: 'warning',
            exchangeIndex: item.exchangeIndex,
            message:
              `tool result ${part.callId ?? part.name ?? ''} answers no tool call in this cassette`.replace(
                '  ',
                ' ',
              ),
          });
        }
      });
    }
  });
  return out;
}
