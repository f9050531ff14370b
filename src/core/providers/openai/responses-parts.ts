/**
 * Content parts of the OpenAI Responses API in LLM terms: `input_text`, `output_text`,
 * `input_image`, `input_file`, `input_audio`, `refusal`
 * (https://platform.openai.com/docs/api-reference/responses/create, "input" → "content"), and the
 * tool-call part shared by the request and response readers.
 */
import type { ContentPart, ToolCallPart } from '../../model/conversation';
import { isRecord, mediaFromUrl, parseArguments } from '../shared';
import type * as wire from './responses-wire';

/** Read a message `content`: a plain string or a list of typed parts. */
export function readResponsesContent(content: unknown): ContentPart[] {
  if (typeof content === 'string') return [{ kind: 'text', text: content }];
  if (!Array.isArray(content))
    return content === undefined || content === null
      ? []
      : [{ kind: 'unknown', label: 'content', raw: content }];
  return content.map(readContentPart);
}

function readContentPart(raw: unknown): ContentPart {
  if (!isRecord(raw)) return { kind: 'unknown', label: 'content part', raw };
  const part = raw as wire.ContentPart;
  const type = typeof part.type === 'string' ? part.type : '';
  switch (type) {
    case 'input_text':
    case 'output_text':
    case 'text':
    case 'summary_text':
    case 'reasoning_text': {
      const text: ContentPart = { kind: 'text', text: typeof part.text === 'string' ? part.text : '' };
      if (Array.isArray(part.annotations) && part.annotations.length > 0) text.citations = part.annotations;
      return text;
    }
    case 'refusal':
      return { kind: 'refusal', text: typeof part.refusal === 'string' ? part.refusal : '' };
    case 'input_image': {
      const url =
        typeof part.image_url === 'string'
          ? part.image_url
          : isRecord(part.image_url) && typeof part.image_url.url === 'string'
            ? part.image_url.url
            : null;
      if (url === null) return { kind: 'unknown', label: 'input_image (file id)', raw };
      const image: ContentPart = { kind: 'image', source: mediaFromUrl(url) };
      if (typeof part.detail === 'string') image.detail = part.detail;
      return image;
    }
    case 'input_file': {
      const source =
        typeof part.file_data === 'string'
          ? mediaFromUrl(part.file_data)
          : typeof part.file_url === 'string'
            ? mediaFromUrl(part.file_url)
            : null;
      const document: ContentPart = { kind: 'document', source };
      if (typeof part.filename === 'string') document.title = part.filename;
      else if (typeof part.file_id === 'string') document.title = part.file_id;
      return document;
    }
    case 'input_audio': {
      const audio = part.input_audio;
      if (!isRecord(audio) || typeof audio.data !== 'string') return { kind: 'unknown', label: type, raw };
      const format = typeof audio.format === 'string' ? audio.format : 'wav';
      return { kind: 'audio', source: { kind: 'inline', mimeType: `audio/${format}`, base64: audio.data } };
    }
    default:
      return { kind: 'unknown', label: type || 'content part', raw };
  }
}

/** The output of a tool call sent back in `function_call_output.output`: a string or parts. */
export function readToolOutput(output: unknown): ContentPart[] {
  if (typeof output === 'string') return [{ kind: 'text', text: output }];
  if (output === undefined || output === null) return [];
  return readResponsesContent(output);
}

/** A tool-call part with its arguments parsed when they are JSON. */
export function toolCallPart(
  id: string | null,
  name: string,
  argumentsText: string,
  server?: boolean,
): ToolCallPart {
  const part: ToolCallPart = { kind: 'tool-call', id, name, argumentsText };
  if (server) part.server = true;
  const parsed = parseArguments(argumentsText);
  if ('arguments' in parsed) part.arguments = parsed.arguments;
  if (parsed.argumentsError !== undefined) part.argumentsError = parsed.argumentsError;
  return part;
}
