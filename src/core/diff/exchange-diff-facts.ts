/**
 * The facts of one interaction that `cassette-viewer diff` compares: the request as readable
 * lines, the assistant text, tool calls with canonical JSON arguments, finish reason, usage, error
 * status and the shape of the output (which kinds of parts it has). Not to be confused with the
 * overview's ExchangeSummary (core/summarize-exchange.ts), the few values the table shows.
 */
import type { AnalyzedExchange } from '../model/analysis';
import type { ContentPart, Message } from '../model/conversation';
import type { DiffEndpoint, ToolCallSummary } from '../model/diff';
import { parseJsonBounded } from '../../lib/json-depth';

export interface ExchangeDiffFacts {
  label: string;
  endpoint: DiffEndpoint;
  model: string | null;
  status: number | null;
  requestLines: string;
  /** The request's messages alone as lines (the raw body when no message was read). */
  messageLines: string;
  /** Names of the tools offered, in order, comma-separated. */
  toolNames: string;
  /** Other request parameters (temperature, max_tokens, …) as canonical JSON. */
  params: string;
  text: string;
  reasoning: string;
  toolCalls: ToolCallSummary[];
  finishReason: string | null;
  /** Kinds of output parts in order of first appearance, e.g. "text,tool-call". */
  shape: string;
  errorMessage: string | null;
}

export function exchangeDiffFacts({ http, llm }: AnalyzedExchange): ExchangeDiffFacts {
  const message = llm.response?.message ?? null;
  const parts = message?.parts ?? [];
  const kinds: string[] = [];
  for (const part of parts) if (!kinds.includes(part.kind)) kinds.push(part.kind);
  const endpoint = endpointOf(http.request.method, http.request.url);
  return {
    label: `${endpoint.method} ${endpoint.path}`,
    endpoint,
    model: llm.request?.model ?? null,
    status: http.response?.status ?? null,
    requestLines: renderRequest(
      llm.request?.messages ?? [],
      llm.request?.tools.map((t) => t.name) ?? [],
      http.request.body?.text ?? '',
    ),
    messageLines: renderRequest(llm.request?.messages ?? [], [], http.request.body?.text ?? ''),
    toolNames: llm.request?.tools.map((t) => t.name).join(', ') ?? '',
    params: JSON.stringify(sortKeys(llm.request?.params ?? {})),
    text: parts.map((p) => (p.kind === 'text' ? p.text : '')).join(''),
    reasoning: parts.map((p) => (p.kind === 'reasoning' ? p.text : '')).join(''),
    toolCalls: parts.flatMap((p) =>
      p.kind === 'tool-call' ? [{ name: p.name, arguments: canonicalArguments(p.argumentsText) }] : [],
    ),
    finishReason: llm.response?.finishReason ?? null,
    shape: kinds.join(','),
    errorMessage: llm.response?.error?.message ?? null,
  };
}

function endpointOf(method: string, url: string): DiffEndpoint {
  try {
    const parsed = new URL(url);
    return { method, host: parsed.host, path: parsed.pathname };
  } catch {
    // Placeholders such as <OLLAMA_API_BASE>/api/chat are not URLs: the whole text is the path.
    return { method, host: '', path: url };
  }
}

function renderRequest(messages: readonly Message[], tools: readonly string[], rawBody: string): string {
  if (messages.length === 0) return rawBody;
  const lines = messages.map((m) => `${m.role}: ${m.parts.map(renderPart).join(' ')}`);
  if (tools.length > 0) lines.push(`tools: ${tools.join(', ')}`);
  return lines.join('\n') + '\n';
}

function renderPart(part: ContentPart): string {
  switch (part.kind) {
    case 'text':
    case 'refusal':
      return part.text;
    case 'reasoning':
      return `[reasoning] ${part.text}`;
    case 'tool-call':
      return `[call ${part.name} ${canonicalArguments(part.argumentsText)}]`;
    case 'tool-result':
      return `[result ${part.content.map(renderPart).join(' ')}]`;
    case 'image':
      return '[image]';
    case 'audio':
      return part.transcript !== undefined ? `[audio: ${part.transcript}]` : '[audio]';
    case 'embeddings':
      return `[${part.count} embeddings × ${part.dimensions.join(',')}]`;
    case 'document':
      return `[document ${part.title ?? ''}]`;
    case 'tool-list':
      return `[tools of ${part.server ?? 'a server'}: ${part.tools.map((tool) => tool.name).join(', ')}]`;
    case 'unknown':
      return `[${part.label}]`;
  }
}

/** Arguments compared as JSON: key order and whitespace do not count. */
export function canonicalArguments(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '{}';
  try {
    return JSON.stringify(sortKeys(parseJsonBounded(trimmed)));
  } catch {
    return trimmed;
  }
}

function sortKeys(value: unknown, depth = 0): unknown {
  if (depth > 200 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, depth + 1));
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort())
    out[key] = sortKeys((value as Record<string, unknown>)[key], depth + 1);
  return out;
}
