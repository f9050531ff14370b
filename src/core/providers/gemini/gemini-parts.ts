/**
 * Gemini `Part` objects → ContentPart (request contents and whole responses) and → StreamDelta
 * (streamed chunks). The REST API accepts both lowerCamelCase and snake_case field names
 * (proto3 JSON mapping), so every field is read under both spellings.
 *
 * API reference: https://ai.google.dev/api/caching#Part (text, inlineData, fileData, functionCall,
 * functionResponse, executableCode, codeExecutionResult, thought, thoughtSignature),
 * https://ai.google.dev/gemini-api/docs/thinking (thought: true parts are reasoning summaries),
 * https://ai.google.dev/gemini-api/docs/function-calling (calls carry no id; results match by name).
 */
import type { ContentPart, StreamDelta, ToolCallPart } from '../../model/conversation';
import { argumentsTextOf, field, parseArguments } from '../shared';
import { isRecord, stringField } from '../anthropic/value-guards';

/** `obj.camelName ?? obj.snake_name`, own properties only. */
export function pick(value: unknown, camel: string, snake: string): unknown {
  const found = field(value, camel);
  return found !== undefined ? found : field(value, snake);
}

function pickString(value: unknown, camel: string, snake: string): string | undefined {
  const found = pick(value, camel, snake);
  return typeof found === 'string' ? found : undefined;
}

/** Name of the built-in code execution tool, used for executableCode parts (provider-run code). */
const CODE_EXECUTION_TOOL = 'code_execution';

/** A function call part: Gemini gives parsed `args` and no id, so `id` is null (matched by name and order). */
function functionCallPart(call: unknown): ToolCallPart {
  const args = field(call, 'args');
  const argumentsText = argumentsTextOf(args ?? {});
  const part: ToolCallPart = {
    kind: 'tool-call',
    id: null,
    name: stringField(call, 'name') ?? '(unnamed function)',
    argumentsText,
  };
  const parsed = parseArguments(argumentsText);
  if ('arguments' in parsed) part.arguments = parsed.arguments;
  return part;
}

/** executableCode is code the model wrote and Google ran: a server-side tool call. */
function executableCodePart(code: unknown): ToolCallPart {
  const input = { language: stringField(code, 'language') ?? null, code: stringField(code, 'code') ?? '' };
  return {
    kind: 'tool-call',
    id: null,
    name: CODE_EXECUTION_TOOL,
    argumentsText: argumentsTextOf(input),
    arguments: input,
    server: true,
  };
}

function functionResponseContent(response: unknown): ContentPart[] {
  // `response` is a JSON object; `{output: "text"}` / `{result: …}` are the usual conventions.
  const output = field(response, 'output') ?? field(response, 'result') ?? field(response, 'content');
  if (typeof output === 'string') return [{ kind: 'text', text: output }];
  return [{ kind: 'text', text: argumentsTextOf(response ?? null) }];
}

/** One Part → one ContentPart. Unknown parts are kept whole. */
function geminiPartToContent(part: unknown): ContentPart {
  if (!isRecord(part)) return { kind: 'unknown', label: 'part', raw: part };
  const text = field(part, 'text');
  if (typeof text === 'string') {
    return field(part, 'thought') === true
      ? { kind: 'reasoning', text, summary: true }
      : { kind: 'text', text };
  }
  const inline = pick(part, 'inlineData', 'inline_data');
  if (isRecord(inline)) {
    const mimeType = pickString(inline, 'mimeType', 'mime_type') ?? 'application/octet-stream';
    const source = { kind: 'inline' as const, mimeType, base64: stringField(inline, 'data') ?? '' };
    if (mimeType.startsWith('image/')) {
      // An image the model drew while thinking (`thought: true`) is not part of its answer.
      return field(part, 'thought') === true
        ? { kind: 'image', source, thought: true }
        : { kind: 'image', source };
    }
    if (mimeType.startsWith('audio/')) return { kind: 'audio', source };
    return { kind: 'document', source };
  }
  const file = pick(part, 'fileData', 'file_data');
  if (isRecord(file)) {
    const mimeType = pickString(file, 'mimeType', 'mime_type') ?? '';
    const source = { kind: 'url' as const, url: pickString(file, 'fileUri', 'file_uri') ?? '' };
    if (mimeType.startsWith('image/')) return { kind: 'image', source };
    if (mimeType.startsWith('audio/')) return { kind: 'audio', source };
    return { kind: 'document', source, title: mimeType || 'file' };
  }
  const call = pick(part, 'functionCall', 'function_call');
  if (isRecord(call)) return functionCallPart(call);
  const response = pick(part, 'functionResponse', 'function_response');
  if (isRecord(response)) {
    const result: ContentPart = {
      kind: 'tool-result',
      callId: null,
      content: functionResponseContent(field(response, 'response')),
    };
    const name = stringField(response, 'name');
    if (name !== undefined) result.name = name;
    return result;
  }
  const code = pick(part, 'executableCode', 'executable_code');
  if (isRecord(code)) return executableCodePart(code);
  const codeResult = pick(part, 'codeExecutionResult', 'code_execution_result');
  if (isRecord(codeResult)) return { kind: 'unknown', label: 'codeExecutionResult', raw: codeResult };
  if (pickString(part, 'thoughtSignature', 'thought_signature') !== undefined) {
    // A signature-only part: opaque state for the next turn, nothing to read.
    return {
      kind: 'reasoning',
      text: '',
      signature: pickString(part, 'thoughtSignature', 'thought_signature') ?? '',
    };
  }
  return { kind: 'unknown', label: 'part', raw: part };
}

/**
 * A list of parts → content. A codeExecutionResult is attached to the executableCode call before
 * it (`serverResult`), the way the model pairs them.
 */
export function geminiPartsToContent(parts: unknown): ContentPart[] {
  if (!Array.isArray(parts)) return parts == null ? [] : [{ kind: 'unknown', label: 'parts', raw: parts }];
  const out: ContentPart[] = [];
  let lastCode: ToolCallPart | null = null;
  for (const raw of parts) {
    const codeResult = pick(raw, 'codeExecutionResult', 'code_execution_result');
    if (isRecord(codeResult) && lastCode && lastCode.serverResult === undefined) {
      lastCode.serverResult = codeResult;
      continue;
    }
    const part = geminiPartToContent(raw);
    if (part.kind === 'tool-call' && part.server) lastCode = part;
    // Empty signature-only reasoning parts carry nothing to show; the raw view keeps them.
    if (part.kind === 'reasoning' && part.text === '' && part.signature !== undefined) continue;
    out.push(part);
  }
  return out;
}

/** Keys for streamed calls: Gemini sends each call whole, so a running counter is enough. */
export interface PartDeltaState {
  calls: number;
  lastCodeKey: string | null;
}

/**
 * The deltas of one streamed chunk's parts. Parts that deltas cannot carry (images, files) are
 * returned in `extra` to be appended to the final message.
 */
export function geminiPartsToDeltas(
  parts: unknown,
  eventIndex: number,
  state: PartDeltaState,
): { deltas: StreamDelta[]; extra: ContentPart[] } {
  const deltas: StreamDelta[] = [];
  const extra: ContentPart[] = [];
  for (const raw of Array.isArray(parts) ? parts : []) {
    const codeResult = pick(raw, 'codeExecutionResult', 'code_execution_result');
    if (isRecord(codeResult)) {
      if (state.lastCodeKey)
        deltas.push({ kind: 'server-tool-result', eventIndex, key: state.lastCodeKey, result: codeResult });
      else extra.push({ kind: 'unknown', label: 'codeExecutionResult', raw: codeResult });
      continue;
    }
    const part = geminiPartToContent(raw);
    if (part.kind === 'text') deltas.push({ kind: 'text', eventIndex, text: part.text });
    else if (part.kind === 'reasoning') {
      if (part.text !== '') deltas.push({ kind: 'reasoning', eventIndex, text: part.text });
      else deltas.push({ kind: 'other', eventIndex, label: 'thoughtSignature' });
    } else if (part.kind === 'tool-call') {
      const key = `call:${state.calls++}`;
      const start: StreamDelta = {
        kind: 'tool-call-start',
        eventIndex,
        key,
        id: null,
        name: part.name,
        argumentsText: part.argumentsText,
      };
      if (part.server) {
        start.server = true;
        state.lastCodeKey = key;
      }
      deltas.push(start);
    } else if (part.kind === 'image') {
      // Generated images (https://ai.google.dev/gemini-api/docs/image-generation) come as whole
      // inlineData parts; as deltas, replay shows them at the event that carried them.
      deltas.push({ kind: 'image', eventIndex, part });
    } else {
      deltas.push({ kind: 'other', eventIndex, label: part.kind === 'unknown' ? part.label : part.kind });
      extra.push(part);
    }
  }
  return { deltas, extra };
}
