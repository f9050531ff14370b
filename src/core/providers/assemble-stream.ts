/**
 * Folds stream deltas (model/conversation.ts `StreamDelta`) into the assistant message, as a client
 * would have built it. Every streaming adapter uses it for its final message, and replay uses it for
 * the message at any event (`uptoEventIndex`), so the two can never disagree.
 *
 * Rules, in event order:
 * - text deltas append to the last part when it is text, else start a text part;
 * - reasoning deltas append to the last part when it is reasoning of the same redaction, else start
 *   one; a `signature` on a delta is kept on the part (Anthropic signature_delta);
 * - `tool-call-start` opens a call under its `key` (a repeated start for the same key fills in a
 *   missing id or name, like OpenAI chunks that repeat `id`); `tool-call-args` fragments append to
 *   the call with that key; arguments are parsed once at the end (`argumentsError` while incomplete);
 * - later usage reports overlay earlier ones (Anthropic message_start then message_delta);
 * - the last finish reason wins; the first error is kept;
 * - audio deltas (OpenAI Chat `delta.audio`) build one audio part: transcripts append, base64 data
 *   pieces are joined as bytes (each piece is padded base64 on its own, so the text cannot simply
 *   be concatenated).
 */
import type {
  ContentPart,
  Message,
  ProviderError,
  StreamDelta,
  ToolCallPart,
  Usage,
} from '../model/conversation';
import { parseJsonBounded } from '../../lib/json-depth';
import { decodeBase64, encodeBase64 } from '../../lib/base64';
import { parseArguments } from './shared/json';
import { mergeUsage } from './shared/usage';

/** The folded stream. */
export interface AssembledMessage {
  message: Message;
  finishReason: string | null;
  usage: Usage | null;
  error: ProviderError | null;
}

type DraftPart =
  | { kind: 'text'; chunks: string[] }
  | { kind: 'reasoning'; chunks: string[]; redacted: boolean; signature?: string }
  | { kind: 'call'; call: ToolCallPart; chunks: string[] }
  | { kind: 'fixed'; part: ContentPart }
  | { kind: 'audio'; mimeType: string; data: string[]; transcript: string[]; id?: string };

/** Incremental fold: `push` deltas in order, `snapshot` at any time. */
export class StreamAssembler {
  private readonly parts: DraftPart[] = [];
  private readonly calls = new Map<string, Extract<DraftPart, { kind: 'call' }>>();
  private finishReason: string | null = null;
  private usage: Usage | null = null;
  private error: ProviderError | null = null;

  push(delta: StreamDelta): void {
    switch (delta.kind) {
      case 'text': {
        const last = this.parts[this.parts.length - 1];
        if (last?.kind === 'text') last.chunks.push(delta.text);
        else if (delta.text !== '') this.parts.push({ kind: 'text', chunks: [delta.text] });
        break;
      }
      case 'reasoning': {
        const redacted = delta.redacted === true;
        const last = this.parts[this.parts.length - 1];
        if (last?.kind === 'reasoning' && last.redacted === redacted) {
          last.chunks.push(delta.text);
          if (delta.signature !== undefined) last.signature = (last.signature ?? '') + delta.signature;
        } else {
          const part: DraftPart = { kind: 'reasoning', chunks: [delta.text], redacted };
          if (delta.signature !== undefined) part.signature = delta.signature;
          this.parts.push(part);
        }
        break;
      }
      case 'tool-call-start': {
        const existing = this.calls.get(delta.key);
        if (existing) {
          if (!existing.call.id && delta.id) existing.call.id = delta.id;
          if (!existing.call.name && delta.name) existing.call.name = delta.name;
          if (delta.argumentsText) existing.chunks.push(delta.argumentsText);
          break;
        }
        const call: ToolCallPart = { kind: 'tool-call', id: delta.id, name: delta.name, argumentsText: '' };
        if (delta.server) call.server = true;
        if (delta.via !== undefined) call.via = delta.via;
        const draft: Extract<DraftPart, { kind: 'call' }> = { kind: 'call', call, chunks: [] };
        if (delta.argumentsText) draft.chunks.push(delta.argumentsText);
        this.calls.set(delta.key, draft);
        this.parts.push(draft);
        break;
      }
      case 'tool-call-args': {
        let draft = this.calls.get(delta.key);
        if (!draft) {
          // Fragments before any start (a provider that omits the first chunk): keep them anyway.
          draft = {
            kind: 'call',
            call: { kind: 'tool-call', id: null, name: '', argumentsText: '' },
            chunks: [],
          };
          this.calls.set(delta.key, draft);
          this.parts.push(draft);
        }
        draft.chunks.push(delta.fragment);
        break;
      }
      case 'server-tool-result': {
        const draft = this.calls.get(delta.key);
        if (draft) draft.call.serverResult = delta.result;
        // A result for a call we never saw start: keep it visible rather than drop it.
        else
          this.parts.push({
            kind: 'fixed',
            part: { kind: 'unknown', label: 'server tool result', raw: delta.result },
          });
        break;
      }
      case 'usage':
        this.usage = mergeUsage(this.usage, delta.usage);
        break;
      case 'finish':
        this.finishReason = delta.reason;
        break;
      case 'error':
        if (!this.error) this.error = delta.error;
        break;
      case 'audio': {
        let draft = this.parts.find((p): p is Extract<DraftPart, { kind: 'audio' }> => p.kind === 'audio');
        if (!draft) {
          draft = { kind: 'audio', mimeType: delta.mimeType, data: [], transcript: [] };
          this.parts.push(draft);
        }
        if (delta.data) draft.data.push(delta.data);
        if (delta.transcript) draft.transcript.push(delta.transcript);
        if (delta.id && !draft.id) draft.id = delta.id;
        break;
      }
      case 'image':
        this.parts.push({ kind: 'fixed', part: delta.part });
        break;
      case 'other':
        break;
    }
  }

  /** The message as it stands now. Cheap enough to call once per replayed frame. */
  snapshot(): AssembledMessage {
    const parts: ContentPart[] = [];
    for (const draft of this.parts) {
      if (draft.kind === 'text') {
        const text = draft.chunks.join('');
        if (text !== '') parts.push({ kind: 'text', text });
      } else if (draft.kind === 'reasoning') {
        const part: ContentPart = { kind: 'reasoning', text: draft.chunks.join('') };
        if (draft.redacted) part.redacted = true;
        if (draft.signature !== undefined) part.signature = draft.signature;
        parts.push(part);
      } else if (draft.kind === 'fixed') {
        parts.push(draft.part);
      } else if (draft.kind === 'audio') {
        parts.push(audioPart(draft));
      } else {
        const argumentsText = draft.chunks.join('');
        const call: ToolCallPart = { ...draft.call, argumentsText };
        const parsed = parseArguments(argumentsText);
        if ('arguments' in parsed) call.arguments = parsed.arguments;
        if (parsed.argumentsError !== undefined) call.argumentsError = parsed.argumentsError;
        parts.push(call);
      }
    }
    return {
      message: { role: 'assistant', parts },
      finishReason: this.finishReason,
      usage: this.usage,
      error: this.error,
    };
  }
}

function audioPart(draft: Extract<DraftPart, { kind: 'audio' }>): ContentPart {
  const part: Extract<ContentPart, { kind: 'audio' }> = {
    kind: 'audio',
    source: { kind: 'inline', mimeType: draft.mimeType, base64: joinBase64(draft.data) },
  };
  if (draft.transcript.length > 0) part.transcript = draft.transcript.join('');
  if (draft.id !== undefined) part.id = draft.id;
  return part;
}

/** Padded base64 pieces as one base64 text; pieces that are not base64 are kept as text. */
function joinBase64(pieces: readonly string[]): string {
  if (pieces.length <= 1) return pieces[0] ?? '';
  if (pieces.slice(0, -1).every((p) => p.length % 4 === 0 && !p.includes('='))) return pieces.join('');
  try {
    const chunks = pieces.map((p) => decodeBase64(p));
    const bytes = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return encodeBase64(bytes);
  } catch {
    return pieces.join('');
  }
}

/**
 * Fold deltas into the assistant message. With `uptoEventIndex`, only deltas carried by events at
 * or before that index count (replay's "message at event N").
 */
export function assembleMessage(deltas: readonly StreamDelta[], uptoEventIndex?: number): AssembledMessage {
  const assembler = new StreamAssembler();
  for (const delta of deltas) {
    if (uptoEventIndex !== undefined && delta.eventIndex > uptoEventIndex) continue;
    assembler.push(delta);
  }
  return assembler.snapshot();
}

/**
 * Best-effort value of incomplete JSON (tool arguments still streaming): closes open strings,
 * arrays and objects and drops a dangling key or separator. Iterative, bounded by the text length.
 * Returns undefined when nothing sensible can be made of it.
 */
export function parsePartialJson(text: string): unknown {
  const complete = parseArguments(text);
  if (complete.argumentsError === undefined) return complete.arguments;
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') closers.push('}');
    else if (c === '[') closers.push(']');
    else if (c === '}' || c === ']') closers.pop();
  }
  let candidate = text;
  if (escaped) candidate = candidate.slice(0, -1);
  if (inString) candidate += '"';
  // Try as is, then trimming a dangling `,` / `:` / partial key or literal, a few times.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const closed = candidate + closers.slice().reverse().join('');
    try {
      return parseJsonBounded(closed);
    } catch {
      const trimmed = candidate.replace(
        /(,\s*"[^"]*"\s*:?\s*|,\s*|:\s*|\s*"[^"]*"\s*:\s*|[^\]}"\d\s,:[{]+\s*)$/,
        '',
      );
      if (trimmed === candidate) break;
      candidate = trimmed;
    }
  }
  return undefined;
}
