/**
 * Everything one interaction holds, as plain texts for the search index (issue 17: "the filter
 * finds rows by anything they hold: URL, model, status, API, tool names, finish reason, error
 * messages, and the text of every message, tool argument and result"). Run in the worker that
 * holds the full exchange; the page never sees these texts. Each message part is its own text, so
 * the index can keep a text repeated by every later request (chat APIs resend the history) once.
 */
import type { AnalyzedExchange } from '../model/analysis';
import type { ContentPart, Message, ProviderError } from '../model/conversation';
import type { HttpBody } from '../model/http';

/** Longest text kept from one body or one unknown value (a 50 MB body is not a search target). */
export const MAX_FIELD_CHARS = 256 * 1024;

const cut = (text: string) => (text.length > MAX_FIELD_CHARS ? text.slice(0, MAX_FIELD_CHARS) : text);

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function partTexts(part: ContentPart, out: string[]): void {
  switch (part.kind) {
    case 'text':
    case 'refusal':
      out.push(part.text);
      return;
    case 'reasoning':
      if (!part.redacted) out.push(part.text);
      return;
    case 'tool-call':
      out.push(part.name, part.argumentsText);
      if (part.id) out.push(part.id);
      if (part.via) out.push(part.via);
      if (part.serverResult !== undefined) out.push(cut(stringify(part.serverResult)));
      return;
    case 'tool-result':
      if (part.name) out.push(part.name);
      if (part.callId) out.push(part.callId);
      for (const inner of part.content) partTexts(inner, out);
      return;
    case 'document':
      if (part.title) out.push(part.title);
      if (part.text) out.push(part.text);
      return;
    case 'audio':
      if (part.transcript) out.push(part.transcript);
      return;
    case 'image':
      if (part.revisedPrompt) out.push(part.revisedPrompt);
      return;
    case 'tool-list':
      if (part.server) out.push(part.server);
      for (const tool of part.tools) out.push(tool.name, tool.description ?? '');
      if (part.error) out.push(part.error);
      return;
    case 'unknown':
      out.push(part.label, cut(stringify(part.raw)));
      return;
    case 'embeddings':
      return;
  }
}

function messageTexts(message: Message, out: string[]): void {
  if (message.name) out.push(message.name);
  for (const part of message.parts) partTexts(part, out);
}

function errorTexts(error: ProviderError, out: string[]): void {
  out.push(error.message);
  if (error.type) out.push(error.type);
  if (error.code !== undefined && error.code !== null) out.push(String(error.code));
}

function bodyText(body: HttpBody | null | undefined): string {
  return body?.text ? cut(body.text) : '';
}

/**
 * The texts of one interaction, the row's own facts first. `index` is its position in the file:
 * `#3` finds call 3 (a bare number would find every call whose position contains it).
 */
export function searchFieldsOf(exchange: AnalyzedExchange, index = exchange.http.index): string[] {
  const { http, llm } = exchange;
  const status = http.response?.status ?? null;
  const out: string[] = [];
  const facts = [
    `#${index + 1}`,
    http.request.method,
    http.request.url,
    status ?? '',
    http.response?.statusText ?? '',
    llm.apiLabel,
    llm.api,
    llm.request?.model ?? '',
    llm.response?.model ?? '',
    llm.response?.finishReason ?? '',
  ];
  out.push(facts.filter((fact) => fact !== '').join(' '));
  const error = llm.response?.error ?? null;
  // The conversation calls these "Error in call #N": a search for "error" finds them.
  if (error || http.response === null || (status !== null && status >= 400)) out.push('error');
  if (error) errorTexts(error, out);
  for (const delta of llm.deltas) if (delta.kind === 'error') errorTexts(delta.error, out);
  for (const tool of llm.request?.tools ?? []) out.push(tool.name, tool.description ?? '');
  for (const message of llm.request?.messages ?? []) messageTexts(message, out);
  if (llm.response?.message) messageTexts(llm.response.message, out);
  if (llm.response?.unreadBody) out.push(llm.response.unreadBody.text);
  // A call no adapter read holds only its bodies; they are what there is to find.
  if (llm.request === null && llm.response === null) {
    out.push(bodyText(http.request.body), bodyText(http.response?.body));
  }
  return out.filter((text) => text !== '');
}
