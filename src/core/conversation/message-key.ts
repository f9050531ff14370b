/**
 * Structural identity of messages, for folding repeated history. Chat APIs are stateless: request
 * N+1 repeats request N's messages and the reply, but clients re-serialize them (JSON spacing in
 * tool arguments, `content: null` vs `""`, text split into parts, reasoning dropped). So a key
 * compares what a reader would see: role, the text (whitespace-normalized), tool calls by name and
 * canonical arguments, tool results by call and text, media by a fingerprint. Reasoning is left out
 * because most clients do not send it back.
 */
import type { ContentPart, Message, ToolCallPart } from '../model/conversation';
import { MAX_JSON_DEPTH, valueNestsDeeperThan } from '../../lib/json-depth';

/** Deeper than this, arguments are compared as plain JSON text (no key sorting, no recursion). */
const MAX_CANONICAL_DEPTH = 32;

/** JSON with object keys sorted, so `{"b":1,"a":2}` and `{"a":2,"b":1}` compare equal. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (depth >= MAX_CANONICAL_DEPTH) {
    // JSON.stringify recurses too: a value nested past the parse limit (only possible when it did
    // not come through lib/json-depth) is compared by its shape's marker, never walked.
    if (valueNestsDeeperThan(value, MAX_JSON_DEPTH - depth))
      return `<nested deeper than ${MAX_JSON_DEPTH} levels>`;
    return JSON.stringify(value) ?? '';
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], depth + 1)}`).join(',')}}`;
}

/** White space other than a single space: the only text normalizeText changes besides the ends. */
const UNUSUAL_SPACE = /[^\S ]| {2}/;

function normalizeText(text: string): string {
  // Every single space matches \s+, so the replace built a copy of every text (the bench file's
  // system prompts and messages, 4,000 times) even when it changed nothing.
  return (UNUSUAL_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

function mediaFingerprint(part: ContentPart): string {
  if (part.kind !== 'image' && part.kind !== 'audio' && part.kind !== 'document') return '';
  const source = part.source;
  if (!source) return part.kind === 'document' ? `doc:${part.title ?? ''}:${(part.text ?? '').length}` : '';
  if (source.kind === 'url') return `${part.kind}:url:${source.url.slice(0, 512)}`;
  const b = source.base64;
  return `${part.kind}:inline:${b.length}:${b.slice(0, 48)}:${b.slice(-48)}`;
}

/** Canonical arguments of a call: parsed JSON with sorted keys, else the trimmed text. */
function callArguments(call: ToolCallPart): string {
  return call.arguments !== undefined ? canonicalJson(call.arguments) : call.argumentsText.trim();
}

function partsKey(parts: readonly ContentPart[]): string {
  const text: string[] = [];
  const other: string[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        text.push(part.text);
        break;
      case 'refusal':
        text.push(part.text);
        break;
      case 'reasoning':
        break;
      case 'tool-call':
        other.push(`call:${part.name}:${callArguments(part)}`);
        break;
      case 'tool-result':
        other.push(`result:${part.callId ?? ''}:${part.name ?? ''}:${partsKey(part.content)}`);
        break;
      case 'unknown':
        other.push(`unknown:${part.label}`);
        break;
      case 'tool-list':
        other.push(`tools:${part.server ?? ''}:${part.tools.map((tool) => tool.name).join(',')}`);
        break;
      default:
        other.push(mediaFingerprint(part));
    }
  }
  return `${normalizeText(text.join(''))}|${other.join('|')}`;
}

/** The structural key of a message (see file comment). */
export function messageKey(message: Message): string {
  return `${message.role}#${partsKey(message.parts)}`;
}

/**
 * A second, looser key for assistant turns that made tool calls: the call ids (or names and
 * arguments). Clients often send such a turn back without its text, or with the text changed by
 * their own formatting, but the calls stay the same. Null for other messages.
 */
export function toolTurnKey(message: Message): string | null {
  if (message.role !== 'assistant') return null;
  const calls = message.parts.filter((p): p is ToolCallPart => p.kind === 'tool-call' && !p.server);
  if (calls.length === 0) return null;
  if (calls.every((c) => c.id)) return `calls#${calls.map((c) => c.id).join(',')}`;
  return `calls#${calls.map((c) => `${c.name}:${callArguments(c)}`).join(',')}`;
}

/** Scalar leaves of a JSON text (or the text itself), iteratively, so wrappers do not matter. */
function scalarLeaves(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return [normalizeText(text)];
  }
  const leaves: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0 && leaves.length < 1000) {
    const next = stack.pop();
    if (next !== null && typeof next === 'object')
      for (const child of Object.values(next as Record<string, unknown>).reverse()) stack.push(child);
    else leaves.push(normalizeText(String(next)));
  }
  return leaves;
}

/**
 * A loose key for a message made only of tool results: the scalar values of the result contents,
 * without role, call id, name or JSON wrappers. Used only for results whose call ids were re-named
 * in folded history (see build-thread.ts), e.g. a Gemini `user` turn of functionResponses
 * (`{"return_value":"Paris"}`) sent again to another provider as `tool` messages with new ids
 * (`"Paris"`). Null for other messages.
 */
export function resultsKey(message: Message): string | null {
  if (message.parts.length === 0 || !message.parts.every((p) => p.kind === 'tool-result')) return null;
  const values = message.parts.map((p) => {
    if (p.kind !== 'tool-result') return '';
    const text = p.content.flatMap((c) => (c.kind === 'text' ? [c.text] : [])).join('');
    return scalarLeaves(text).join('\u0000');
  });
  return `results#${values.join('|')}`;
}
