/**
 * One content part of a message as transcript markdown (core/model/conversation.ts `ContentPart`):
 * text, tool calls with their arguments, tool results linked back to their calls, reasoning, media
 * summarised (never embedded: a transcript is for reading), and anything else shown as JSON.
 */
import type { ContentPart, Message, ToolCallPart, ToolResultPart } from '../model/conversation';
import { embedModelMarkdown, escapeInline, escapeMarkdownText, fenced, inlineCode } from './markdown-escape';

/** The anchor a tool call gets, so its result can link to it (`#tool-call-3`). */
export const callAnchor = (ordinal: number): string => `tool-call-${ordinal}`;

/** JSON of a value, or a note when it cannot be written (a cycle cannot come from JSON, but be safe). */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

function argumentsBlock(call: ToolCallPart): string {
  if (call.arguments !== undefined) return fenced(jsonText(call.arguments), 'json');
  if (call.argumentsText.trim() === '') return '_(no arguments)_';
  const note = call.argumentsError
    ? `_Arguments are not valid JSON (${escapeInline(call.argumentsError)})._\n\n`
    : '';
  return `${note}${fenced(call.argumentsText)}`;
}

function toolCall(call: ToolCallPart, ordinal: number | null): string {
  const anchor = ordinal === null ? '' : `<a id="${callAnchor(ordinal)}"></a>`;
  const number = ordinal === null ? '' : ` #${ordinal}`;
  const facts = [
    call.server ? 'run by the provider' : null,
    call.id ? `id ${inlineCode(call.id)}` : null,
    call.via ? `via ${inlineCode(call.via)}` : null,
  ].filter((fact) => fact !== null);
  const lines = [
    `${anchor}**Tool call${number}: ${inlineCode(call.name)}**${facts.length ? ` (${facts.join(', ')})` : ''}`,
  ];
  lines.push('', argumentsBlock(call));
  if (call.serverResult !== undefined)
    lines.push('', '_Result, from the provider:_', '', fenced(jsonText(call.serverResult), 'json'));
  return lines.join('\n');
}

function toolResult(result: ToolResultPart, ordinal: number | null): string {
  const answers =
    ordinal === null
      ? `no call found${result.callId ? ` for id ${inlineCode(result.callId)}` : ''}`
      : `answers [tool call #${ordinal}](#${callAnchor(ordinal)})`;
  const name = result.name ? ` ${inlineCode(result.name)}` : '';
  const head = `**Tool result${name}** (${answers})${result.isError ? ' — **error**' : ''}`;
  const body = result.content.map((part) => renderPart(part, 'tool', null)).join('\n\n');
  return `${head}\n\n${body || '_(empty)_'}`;
}

function kilobytes(base64: string): string {
  return `${Math.max(1, Math.round((base64.length * 3) / 4 / 1024))} KB`;
}

function media(kind: string, source: Extract<ContentPart, { kind: 'image' }>['source'] | null): string {
  if (source === null) return `_[${kind}]_`;
  if (source.kind === 'url') return `_[${kind}: ${escapeInline(source.url)}]_`;
  return `_[${kind}: ${escapeInline(source.mimeType)}, ${kilobytes(source.base64)} inline]_`;
}

function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * Text a person or program wrote (prompts, tool output) is escaped to read as typed; text the
 * model wrote is its own markdown (markdown-escape.ts says why).
 */
function textOf(text: string, role: Message['role']): string {
  return role === 'assistant' ? embedModelMarkdown(text) : escapeMarkdownText(text);
}

export function renderPart(
  part: ContentPart,
  role: Message['role'],
  links: { call: number | null; result: number | null } | null,
): string {
  switch (part.kind) {
    case 'text':
      return textOf(part.text, role);
    case 'tool-call':
      return toolCall(part, links?.call ?? null);
    case 'tool-result':
      return toolResult(part, links?.result ?? null);
    case 'reasoning': {
      const label = part.summary ? 'Reasoning (summary)' : 'Reasoning';
      if (part.redacted) return quoted(`_${label}: redacted by the provider._`);
      return quoted(`_${label}:_\n\n${embedModelMarkdown(part.text)}`);
    }
    case 'refusal':
      return `**Refusal:** ${escapeMarkdownText(part.text)}`;
    case 'image':
      return [
        media('image', part.source),
        part.revisedPrompt ? `_Revised prompt:_ ${escapeMarkdownText(part.revisedPrompt)}` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
    case 'audio':
      return [
        media('audio', part.source),
        part.transcript ? `_Transcript:_ ${escapeMarkdownText(part.transcript)}` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
    case 'document': {
      const title = part.title ? ` ${escapeInline(part.title)}` : '';
      const head = part.source ? media(`document${title}`, part.source) : `_[document${title}]_`;
      return part.text ? `${head}\n\n${escapeMarkdownText(part.text)}` : head;
    }
    case 'tool-list': {
      const server = part.server ? ` from ${inlineCode(part.server)}` : '';
      const tools = part.tools.map(
        (tool) =>
          `- ${inlineCode(tool.name)}${tool.description ? `: ${escapeInline(tool.description)}` : ''}`,
      );
      return [
        `_Tools listed${server}:_`,
        '',
        ...tools,
        part.error ? `\n_Error:_ ${escapeInline(part.error)}` : '',
      ]
        .join('\n')
        .trimEnd();
    }
    case 'embeddings':
      return `_[${part.count} embedding vector${part.count === 1 ? '' : 's'}${part.dimensions[0] !== undefined ? ` of ${part.dimensions[0]} dimensions` : ''}${part.encoding ? `, ${escapeInline(part.encoding)}` : ''}]_`;
    case 'unknown':
      return `_${escapeInline(part.label)}:_\n\n${fenced(jsonText(part.raw), 'json')}`;
  }
}
