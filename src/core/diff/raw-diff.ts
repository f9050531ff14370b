/**
 * A raw diff of two recorded exchanges (headers and bodies) that ignores what changes on every
 * recording: ids, `created`, dates, request ids, `system_fingerprint`, `recorded_at`. Without this
 * every re-record looks different everywhere and the real change is lost. Computed on demand,
 * because bodies can be large.
 */
import { diffLines } from 'diff';
import type { Header, HttpExchange } from '../model/http';
import { parseJsonBounded } from '../../lib/json-depth';
import type { TextChange } from '../model/diff';

/** JSON keys whose values differ on every call by design. */
const VOLATILE_KEYS =
  /^(id|.*_id|.*Id|created|created_at|createdAt|completed_at|system_fingerprint|recorded_at|date|timestamp|responseId|x_groq|time_info|latency_checkpoint|signature|encrypted_content|thoughtSignature)$/;
/** Headers that differ on every call (dates, request ids, tracing, rate-limit counters, cookies). */
const VOLATILE_HEADERS =
  /^(date|expires|age|set-cookie|cookie|authorization|x-api-key|etag|last-modified|cf-ray|cf-cache-status|server-timing|traceparent|x-request-id|request-id|x-amzn-requestid|x-amz-.*|x-cloud-trace-context|apim-request-id|x-ms-.*|openai-processing-ms|x-envoy-upstream-service-time|anthropic-ratelimit-.*|x-ratelimit-.*|retry-after|alt-svc|via|content-length|x-generation-id|x-groq-id|strict-transport-security|report-to|nel)$/i;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?\b/g;

export interface RawDiff {
  headers: TextChange[];
  requestBody: TextChange[];
  responseBody: TextChange[];
}

export function diffRaw(before: HttpExchange, after: HttpExchange): RawDiff {
  return {
    headers: lines(renderHeaders(before), renderHeaders(after)),
    requestBody: lines(
      normalizeBody(before.request.body?.text ?? null),
      normalizeBody(after.request.body?.text ?? null),
    ),
    responseBody: lines(
      normalizeBody(before.response?.body?.text ?? null),
      normalizeBody(after.response?.body?.text ?? null),
    ),
  };
}

function lines(a: string, b: string): TextChange[] {
  if (a === b) return a ? [{ op: 'same', text: a }] : [];
  return diffLines(a, b).map((c) => ({
    op: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

function renderHeaders(exchange: HttpExchange): string {
  const show = (prefix: string, headers: readonly Header[]) =>
    headers
      .filter((h) => !VOLATILE_HEADERS.test(h.name))
      .map((h) => `${prefix} ${h.name.toLowerCase()}: ${h.value}`)
      .sort();
  return (
    [...show('>', exchange.request.headers), ...show('<', exchange.response?.headers ?? [])].join('\n') + '\n'
  );
}

/** JSON bodies are pretty-printed without volatile keys; SSE bodies line by line, each data line normalized. */
function normalizeBody(text: string | null): string {
  if (text === null) return '';
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = tryJson(trimmed);
    if (json !== undefined) return JSON.stringify(json, null, 2) + '\n';
  }
  return (
    text
      .split(/\r?\n/)
      .map((line) => {
        const data = /^data:\s?(.*)$/.exec(line);
        const json = data ? tryJson(data[1]!) : undefined;
        return json !== undefined ? `data: ${JSON.stringify(json)}` : line.replace(ISO_DATE, '<date>');
      })
      .join('\n') + '\n'
  );
}

function tryJson(text: string): unknown {
  try {
    return stripVolatile(parseJsonBounded(text), 0);
  } catch {
    return undefined;
  }
}

function stripVolatile(value: unknown, depth: number): unknown {
  if (depth > 100 || value === null || typeof value !== 'object') {
    return typeof value === 'string' ? value.replace(ISO_DATE, '<date>') : value;
  }
  if (Array.isArray(value)) return value.map((v) => stripVolatile(v, depth + 1));
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, v] of Object.entries(value))
    out[key] = VOLATILE_KEYS.test(key) ? '<volatile>' : stripVolatile(v, depth + 1);
  return out;
}
