/**
 * Gemini `GenerateContentRequest` → LlmRequest (Google AI `generativelanguage.googleapis.com` and
 * Vertex AI `aiplatform.googleapis.com` share the body).
 *
 * API reference: https://ai.google.dev/api/generate-content#request-body (contents,
 * systemInstruction, tools, toolConfig, generationConfig, safetySettings, cachedContent),
 * https://ai.google.dev/api/caching#Tool (functionDeclarations, googleSearch, codeExecution, …),
 * https://cloud.google.com/vertex-ai/generative-ai/docs/reference/rest/v1/projects.locations.publishers.models/generateContent
 */
import type { LlmRequest, Message, Role, ToolDefinition } from '../../model/conversation';
import { omitParams } from '../shared';
import { arrayField, field, isRecord, stringField } from '../anthropic/value-guards';
import { geminiPartsToContent, pick } from './gemini-parts';

const SHOWN_FIELDS = ['contents', 'systemInstruction', 'system_instruction', 'tools', 'model'] as const;

function readRole(role: unknown): Role {
  if (role === 'model') return 'assistant';
  if (role === 'function' || role === 'tool') return 'tool';
  if (role === 'system') return 'system';
  return 'user';
}

/** One Tool object → definitions: each function declaration, or the built-in tool it enables. */
function readGeminiTool(tool: unknown): ToolDefinition[] {
  if (!isRecord(tool)) return [];
  const declarations = pick(tool, 'functionDeclarations', 'function_declarations');
  const definitions: ToolDefinition[] = [];
  for (const declaration of Array.isArray(declarations) ? declarations : []) {
    const definition: ToolDefinition = {
      name: stringField(declaration, 'name') ?? '(unnamed function)',
      type: 'function',
    };
    const description = stringField(declaration, 'description');
    if (description !== undefined) definition.description = description;
    const parameters =
      pick(declaration, 'parameters', 'parametersJsonSchema') ?? field(declaration, 'parameters_json_schema');
    if (parameters !== undefined) definition.parameters = parameters;
    definitions.push(definition);
  }
  // Built-in tools: googleSearch, googleSearchRetrieval, codeExecution, urlContext, …
  for (const key of Object.keys(tool)) {
    if (key === 'functionDeclarations' || key === 'function_declarations') continue;
    definitions.push({ name: key, type: key, parameters: tool[key] });
  }
  return definitions;
}

function readContent(content: unknown): Message {
  if (!isRecord(content))
    return { role: 'user', parts: [{ kind: 'unknown', label: 'content', raw: content }] };
  return { role: readRole(field(content, 'role')), parts: geminiPartsToContent(field(content, 'parts')) };
}

/** Read a request. The model comes from the URL (`models/{model}:generateContent`). */
export function readGeminiRequest(body: unknown, modelFromUrl: string | null, streamed: boolean): LlmRequest {
  const messages: Message[] = [];
  const system = pick(body, 'systemInstruction', 'system_instruction');
  if (typeof system === 'string') messages.push({ role: 'system', parts: [{ kind: 'text', text: system }] });
  else if (isRecord(system))
    messages.push({ role: 'system', parts: geminiPartsToContent(field(system, 'parts')) });
  const contents = field(body, 'contents');
  // `contents` may be a single Content object as well as a list.
  for (const content of Array.isArray(contents) ? contents : isRecord(contents) ? [contents] : []) {
    messages.push(readContent(content));
  }
  return {
    model: modelFromUrl ?? stringField(body, 'model')?.replace(/^models\//, '') ?? null,
    messages,
    tools: arrayField(body, 'tools').flatMap(readGeminiTool),
    stream: streamed,
    params: omitParams(body, SHOWN_FIELDS),
  };
}

/** True when a parsed body looks like a GenerateContentRequest (detection behind proxies). */
export function looksLikeGeminiRequest(body: unknown): boolean {
  const contents = field(body, 'contents');
  return (
    Array.isArray(contents) && contents.length > 0 && contents.every((c) => Array.isArray(field(c, 'parts')))
  );
}
