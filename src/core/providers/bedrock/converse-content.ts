/**
 * Bedrock Converse content blocks → ContentPart, shared by request messages, whole responses and
 * Amazon Nova InvokeModel bodies (Nova's native "messages-v1" schema uses the same block shapes).
 *
 * API reference: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html
 * (text, image, document, video, toolUse, toolResult, reasoningContent, cachePoint, guardContent,
 * citationsContent), https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolResultContentBlock.html,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ReasoningContentBlock.html,
 * https://docs.aws.amazon.com/nova/latest/userguide/complete-request-schema.html
 */
import type { ContentPart, MediaSource, ToolCallPart } from '../../model/conversation';
import { encodeBase64 } from '../../../lib/base64';
import { argumentsTextOf } from '../shared';
import { arrayField, field, isRecord, objectField, stringField } from '../anthropic/value-guards';

/** `image.format` is a bare extension ("png", "jpeg"); documents name theirs ("pdf", "csv", …). */
function mimeOf(kind: 'image' | 'document' | 'video', format: string | undefined): string {
  if (!format) return 'application/octet-stream';
  if (kind === 'document') {
    const known: Record<string, string> = {
      pdf: 'application/pdf',
      csv: 'text/csv',
      txt: 'text/plain',
      md: 'text/markdown',
      html: 'text/html',
    };
    return Object.prototype.hasOwnProperty.call(known, format)
      ? (known[format] as string)
      : `application/${format}`;
  }
  return `${kind}/${format}`;
}

/**
 * A `source`: `{bytes}` (base64 in JSON; a byte array in some SDK dumps) or `{s3Location:{uri}}`.
 */
function mediaSource(kind: 'image' | 'document' | 'video', block: unknown): MediaSource | null {
  const source = objectField(block, 'source');
  const bytes = field(source, 'bytes');
  const mimeType = mimeOf(kind, stringField(block, 'format'));
  if (typeof bytes === 'string') return { kind: 'inline', mimeType, base64: bytes };
  if (Array.isArray(bytes)) {
    const octets = Uint8Array.from(bytes, (value) => (typeof value === 'number' ? value & 0xff : 0));
    return { kind: 'inline', mimeType, base64: encodeBase64(octets) };
  }
  const uri = stringField(objectField(source, 's3Location'), 'uri');
  if (uri) return { kind: 'url', url: uri };
  return null;
}

/** A toolUse block (input arrives parsed). */
function toolUsePart(toolUse: unknown): ToolCallPart {
  const input = field(toolUse, 'input');
  const part: ToolCallPart = {
    kind: 'tool-call',
    id: stringField(toolUse, 'toolUseId') ?? null,
    name: stringField(toolUse, 'name') ?? '(unnamed tool)',
    argumentsText: argumentsTextOf(input ?? {}),
  };
  part.arguments = input ?? {};
  return part;
}

function toolResultItems(content: unknown): ContentPart[] {
  return (Array.isArray(content) ? content : []).map((item): ContentPart => {
    const text = stringField(item, 'text');
    if (text !== undefined) return { kind: 'text', text };
    const json = field(item, 'json');
    if (json !== undefined) return { kind: 'text', text: argumentsTextOf(json) };
    return converseBlockToPart(item);
  });
}

/**
 * A `citationsContent` block (CitationsContentBlock): generated text (`content[].text`) with the
 * `citations` that back it. It is part of the answer, so it reads as text carrying its citations.
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_CitationsContentBlock.html
 */
function citedTextPart(citations: unknown): ContentPart | null {
  if (!citations) return null;
  const content = arrayField(citations, 'content');
  if (content.length === 0 || !content.every((item) => typeof stringField(item, 'text') === 'string'))
    return null;
  const part: ContentPart = { kind: 'text', text: content.map((item) => stringField(item, 'text')).join('') };
  const list = arrayField(citations, 'citations');
  if (list.length > 0) part.citations = list;
  return part;
}

/** One ContentBlock → one part; unknown blocks are kept whole. */
function converseBlockToPart(block: unknown): ContentPart {
  if (!isRecord(block)) return { kind: 'unknown', label: 'content block', raw: block };
  const text = field(block, 'text');
  if (typeof text === 'string') return { kind: 'text', text };
  for (const kind of ['image', 'document', 'video'] as const) {
    const media = objectField(block, kind);
    if (!media) continue;
    const source = mediaSource(kind, media);
    if (kind === 'image' && source) return { kind: 'image', source };
    if (kind === 'document') {
      const part: ContentPart = { kind: 'document', source };
      const name = stringField(media, 'name');
      if (name !== undefined) part.title = name;
      const inlineText = stringField(objectField(media, 'source'), 'text');
      if (inlineText !== undefined) part.text = inlineText;
      return part;
    }
    return { kind: 'unknown', label: kind, raw: block };
  }
  const toolUse = objectField(block, 'toolUse');
  if (toolUse) return toolUsePart(toolUse);
  const toolResult = objectField(block, 'toolResult');
  if (toolResult) {
    const part: ContentPart = {
      kind: 'tool-result',
      callId: stringField(toolResult, 'toolUseId') ?? null,
      content: toolResultItems(field(toolResult, 'content')),
    };
    if (stringField(toolResult, 'status') === 'error') part.isError = true;
    return part;
  }
  const cited = citedTextPart(objectField(block, 'citationsContent'));
  if (cited) return cited;
  const reasoning = objectField(block, 'reasoningContent');
  if (reasoning) {
    const reasoningText = objectField(reasoning, 'reasoningText');
    if (reasoningText) {
      const part: ContentPart = { kind: 'reasoning', text: stringField(reasoningText, 'text') ?? '' };
      const signature = stringField(reasoningText, 'signature');
      if (signature) part.signature = signature;
      return part;
    }
    if (field(reasoning, 'redactedContent') !== undefined)
      return { kind: 'reasoning', text: '', redacted: true };
  }
  const keys = Object.keys(block);
  return { kind: 'unknown', label: keys.length === 1 ? (keys[0] as string) : 'content block', raw: block };
}

/**
 * A list of blocks → parts. `cachePoint` is not content: it marks everything before it as cached,
 * so it sets `cacheControl` on the text part it follows (or stays an unknown part if none).
 */
export function converseBlocksToParts(blocks: unknown): ContentPart[] {
  const parts: ContentPart[] = [];
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (objectField(block, 'cachePoint')) {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text') {
        last.cacheControl = true;
        continue;
      }
    }
    parts.push(converseBlockToPart(block));
  }
  return parts;
}

/** System blocks: `[{text}, {cachePoint}, {guardContent}]`. */
export function converseSystemParts(system: unknown): ContentPart[] {
  if (typeof system === 'string') return [{ kind: 'text', text: system }];
  return converseBlocksToParts(system);
}

/** Tool specs: `toolConfig.tools[].toolSpec {name, description, inputSchema:{json}}`. */
export function converseTools(toolConfig: unknown) {
  return arrayField(toolConfig, 'tools').flatMap((tool) => {
    const spec = objectField(tool, 'toolSpec');
    if (!spec)
      return objectField(tool, 'cachePoint')
        ? []
        : [{ name: Object.keys(isRecord(tool) ? tool : {})[0] ?? 'tool', type: 'unknown', parameters: tool }];
    const definition: { name: string; type: string; description?: string; parameters?: unknown } = {
      name: stringField(spec, 'name') ?? '(unnamed tool)',
      type: 'function',
    };
    const description = stringField(spec, 'description');
    if (description !== undefined) definition.description = description;
    const schema = objectField(spec, 'inputSchema');
    if (schema) definition.parameters = field(schema, 'json') ?? schema;
    return [definition];
  });
}
