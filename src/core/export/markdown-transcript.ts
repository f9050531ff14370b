/**
 * The markdown transcript of a cassette (issue 19, "Exports"): the thread as the page shows it,
 * one section per HTTP call, with the tools offered (summarised: name, type, description,
 * parameter names, how often called), every message by role, tool calls with their arguments,
 * tool results linked to their calls, reasoning, errors, usage and finish reasons. Repeated
 * history is folded to one line, as in the page. Masking is not done here but on the whole text
 * (export-cassette.ts), so nothing written below can slip past it.
 */
import type { AnalyzedCassette } from '../model/analysis';
import type { Message, ToolDefinition, Usage } from '../model/conversation';
import type { ExchangeBoundary, ThreadItem } from '../model/thread';
import { escapeInline, escapeMarkdownText, fenced, inlineCode } from './markdown-escape';
import { renderPart } from './transcript-parts';

const ROLE_TITLES: Record<Message['role'], string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};

function count(value: number, word: string): string {
  return `${value.toLocaleString('en-US')} ${word}${value === 1 ? '' : 's'}`;
}

/** "1,204 in · 88 out · 40 reasoning · 1,292 total · $0.0012", or null when nothing is known. */
export function usageLine(usage: Usage | null): string | null {
  if (!usage) return null;
  const parts = [
    usage.inputTokens !== null ? `${usage.inputTokens.toLocaleString('en-US')} in` : null,
    usage.outputTokens !== null ? `${usage.outputTokens.toLocaleString('en-US')} out` : null,
    usage.cacheReadTokens ? `${usage.cacheReadTokens.toLocaleString('en-US')} cache read` : null,
    usage.cacheWriteTokens ? `${usage.cacheWriteTokens.toLocaleString('en-US')} cache write` : null,
    usage.reasoningTokens ? `${usage.reasoningTokens.toLocaleString('en-US')} reasoning` : null,
    typeof usage.totalTokens === 'number' ? `${usage.totalTokens.toLocaleString('en-US')} total` : null,
    typeof usage.costUsd === 'number' ? `$${usage.costUsd.toPrecision(3)}` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Parameter names of a JSON schema (`properties`), for a one-line summary of a tool. */
function parameterNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const properties = (schema as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null) return [];
  const required = (schema as { required?: unknown }).required;
  const needed = new Set(Array.isArray(required) ? required.filter((r) => typeof r === 'string') : []);
  return Object.keys(properties).map((name) => (needed.has(name) ? name : `${name}?`));
}

function toolLine(definition: ToolDefinition, callCount: number): string {
  const type = definition.type === 'function' ? '' : ` (${escapeInline(definition.type)})`;
  const params = parameterNames(definition.parameters);
  const signature = params.length > 0 ? ` (${params.map(inlineCode).join(', ')})` : '';
  const description = definition.description
    ? `: ${escapeInline(definition.description.split('\n')[0] ?? '')}`
    : '';
  return `- ${inlineCode(definition.name)}${type}${signature}${description} — called ${count(callCount, 'time')}`;
}

function boundaryHeading(boundary: ExchangeBoundary, total: number): string {
  const status = boundary.status === null ? 'no response' : String(boundary.status);
  const head = `## Call ${boundary.exchangeIndex + 1} of ${total}: ${escapeInline(boundary.method)} ${escapeInline(boundary.url)} → ${status}`;
  const facts = [
    boundary.apiLabel ? escapeInline(boundary.apiLabel) : null,
    boundary.model ? `model ${inlineCode(boundary.model)}` : null,
    boundary.streamed ? 'streamed' : null,
    boundary.durationMs !== null ? `${Math.round(boundary.durationMs)} ms` : null,
  ].filter((fact) => fact !== null);
  return facts.length > 0 ? `${head}\n\n${facts.join(' · ')}` : head;
}

/** What a call ended with, written after its response: finish reason and usage. */
function boundaryFooter(boundary: ExchangeBoundary): string | null {
  const usage = usageLine(boundary.usage);
  const parts = [
    boundary.finishReason ? `finish reason ${inlineCode(boundary.finishReason)}` : null,
    usage ? `usage ${usage}` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? `_${parts.join(' · ')}_` : null;
}

export interface TranscriptOptions {
  /** Shown in the title (the file's name). */
  fileName: string;
  /** A line under the title, e.g. that secrets were masked. */
  note?: string;
}

/** The whole transcript; pure, deterministic. */
export function transcriptMarkdown(analyzed: AnalyzedCassette, options: TranscriptOptions): string {
  const { cassette, thread } = analyzed;
  const total = cassette.exchanges.length;
  const out: string[] = [`# Transcript of ${escapeInline(options.fileName)}`];
  const facts = [`${cassette.format} (${escapeInline(cassette.formatVariant)})`, count(total, 'call')];
  if (cassette.recorder) facts.push(`recorded with ${escapeInline(cassette.recorder)}`);
  const totalUsage = usageLine(thread.totalUsage);
  if (totalUsage) facts.push(`usage ${totalUsage}`);
  out.push(facts.join(' · '));
  if (options.note) out.push(`_${escapeInline(options.note)}_`);

  if (thread.tools.length > 0) {
    out.push(
      '## Tools offered',
      thread.tools.map((tool) => toolLine(tool.definition, tool.callCount)).join('\n'),
    );
  }

  // Tool links by the place of their call and of their result (thread.ts `PartRef`).
  const calls = new Map<string, number>();
  const results = new Map<string, number>();
  for (const link of thread.links) {
    calls.set(`${link.call.item}:${link.call.part}`, link.ordinal);
    if (link.result) results.set(`${link.result.item}:${link.result.part}`, link.ordinal);
  }
  const boundaries = new Map<number, ExchangeBoundary>();
  const flushFooter = (exchangeIndex: number | null): void => {
    const boundary = exchangeIndex === null ? undefined : boundaries.get(exchangeIndex);
    const footer = boundary ? boundaryFooter(boundary) : null;
    if (footer) out.push(footer);
  };
  let current: number | null = null;
  thread.items.forEach((item: ThreadItem, itemIndex) => {
    switch (item.kind) {
      case 'boundary':
        flushFooter(current);
        current = item.exchangeIndex;
        boundaries.set(item.exchangeIndex, item.boundary);
        out.push(boundaryHeading(item.boundary, total));
        break;
      case 'history':
        out.push(`_${count(item.count, 'earlier message')} repeated from the previous calls (folded)._`);
        break;
      case 'message': {
        const from = item.source === 'response' ? 'response' : 'request';
        out.push(
          `### ${ROLE_TITLES[item.message.role]}${item.message.name ? ` (${escapeInline(item.message.name)})` : ''} · ${from}`,
        );
        if (item.message.parts.length === 0) out.push('_(empty)_');
        item.message.parts.forEach((part, partIndex) => {
          const key = `${itemIndex}:${partIndex}`;
          out.push(
            renderPart(part, item.message.role, {
              call: calls.get(key) ?? null,
              result: results.get(key) ?? null,
            }),
          );
        });
        break;
      }
      case 'error': {
        const code =
          item.error.code !== undefined && item.error.code !== null
            ? `, code ${inlineCode(String(item.error.code))}`
            : '';
        const type = item.error.type ? `, ${inlineCode(item.error.type)}` : '';
        const where =
          item.error.eventIndex !== undefined ? `, in stream event ${item.error.eventIndex + 1}` : '';
        out.push(
          `> **Error** (status ${item.status ?? 'none'}${type}${code}${where}): ${escapeInline(item.error.message)}`,
        );
        break;
      }
      case 'raw':
        out.push('_Not a call of a known LLM API; see the raw HTTP in the cassette._');
        break;
      case 'unread-body':
        out.push(
          `_The response body could not be read (${escapeInline(item.body.reason)}); ${item.body.binary ? 'binary' : 'as recorded'}:_`,
          item.body.binary ? escapeMarkdownText(item.body.text) : fenced(item.body.text),
        );
        break;
    }
  });
  flushFooter(current);
  return `${out.join('\n\n')}\n`;
}
