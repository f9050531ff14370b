/**
 * The two JSON framings that are not SSE:
 *
 * - a streamed JSON array: Gemini `streamGenerateContent` without `alt=sse` sends one array whose
 *   items arrive one by one (https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent);
 * - NDJSON: one JSON object per line, e.g. Ollama's native `/api/chat`
 *   (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion).
 *
 * The array is split with an iterative scanner (a depth counter, no recursion), so untrusted
 * nesting depth cannot overflow the stack and each item keeps its original text and line.
 */
import type { StreamEvent, StreamIssue, StreamTrace } from '../model/stream';
import { StreamJsonReader } from './event-json';

const MAX_EVENTS = 1_000_000;
const MAX_ISSUES = 1_000;

const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const LF = 10;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff;
}

/** Frame a streamed JSON array: each top-level item is one event. Never throws. */
export function parseJsonArrayStream(text: string): StreamTrace {
  const events: StreamEvent[] = [];
  const json = new StreamJsonReader();
  const issues: StreamIssue[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const skipWhitespace = (): void => {
    while (i < n && isWhitespace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === LF) line += 1;
      i += 1;
    }
  };
  skipWhitespace();
  if (text.charCodeAt(i) !== OPEN_BRACKET) {
    issues.push({ line, text: text.slice(i, i + 80), message: 'a JSON array stream must start with "["' });
    return { format: 'json-array', events, commentCount: 0, issues, truncated: false };
  }
  i += 1;
  let closed = false;
  while (i < n && events.length < MAX_EVENTS) {
    skipWhitespace();
    const code = text.charCodeAt(i);
    if (code === CLOSE_BRACKET) {
      closed = true;
      i += 1;
      break;
    }
    if (code === COMMA) {
      i += 1;
      continue;
    }
    if (i >= n) break;
    // Scan one item: track nesting and strings until depth returns to zero at a separator.
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    let complete = false;
    for (; i < n; i += 1) {
      const c = text.charCodeAt(i);
      if (c === LF) line += 1;
      if (inString) {
        if (c === BACKSLASH) i += 1;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0) break; // the array's own "]" after a scalar item
        depth -= 1;
        if (depth === 0) {
          i += 1;
          complete = true;
          break;
        }
      } else if (depth === 0 && c === COMMA) break;
    }
    if (i >= n && !complete && depth > 0) break; // cut inside an item: truncated, not an event
    if (i === start) {
      // A stray "}" at the top level ends no item: step over it, or the loop would never advance.
      if (issues.length < MAX_ISSUES)
        issues.push({ line, text: text.slice(i, i + 80), message: 'unexpected "}"' });
      i += 1;
      continue;
    }
    const data = text.slice(start, i).trim();
    if (data === '') continue;
    events.push(json.attach({ index: events.length, event: null, id: null, data, line: startLine }));
  }
  skipWhitespace();
  if (closed && i < n && issues.length < MAX_ISSUES) {
    issues.push({ line, text: text.slice(i, i + 80), message: 'text after the end of the JSON array' });
  }
  return { format: 'json-array', events, commentCount: 0, issues, truncated: !closed };
}

/** Frame NDJSON: each non-empty line is one event. Never throws. */
export function parseNdjson(text: string): StreamTrace {
  const events: StreamEvent[] = [];
  const json = new StreamJsonReader();
  const issues: StreamIssue[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length && events.length < MAX_EVENTS; index += 1) {
    const data = lines[index]!.trim();
    if (data === '') continue;
    const event = json.attach({ index: events.length, event: null, id: null, data, line: index + 1 });
    if (event.jsonError !== undefined && issues.length < MAX_ISSUES) {
      issues.push({
        line: index + 1,
        text: data.slice(0, 200),
        message: `not JSON: ${event.jsonError}`,
        eventIndex: event.index,
      });
    }
    events.push(event);
  }
  // A body that does not end with a newline may have been cut inside its last line.
  const last = events[events.length - 1];
  const truncated = last !== undefined && last.jsonError !== undefined && !/[\r\n]\s*$/.test(text);
  return { format: 'ndjson', events, commentCount: 0, issues, truncated };
}

/** True when every non-empty line of the first few KB is a JSON object (and there are 2+). */
export function looksLikeNdjson(text: string): boolean {
  const lines = text
    .slice(0, 8192)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  return lines.slice(0, -1).every((l) => {
    const t = l.trim();
    return t.startsWith('{') && t.endsWith('}');
  });
}
