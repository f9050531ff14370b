/**
 * The LLM vocabulary every provider adapter maps into. Words follow the providers' common ground:
 * `role`, `content` parts, `toolCall`. Discriminated unions use `kind`; unknown blocks are kept as
 * `{ kind: 'unknown', raw }` so nothing is dropped.
 */
import type { StreamTrace } from './stream';

/** Who speaks a message. */
export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

/** Where an image or file comes from: bytes carried in the cassette, or a remote address. */
export type MediaSource = { kind: 'inline'; mimeType: string; base64: string } | { kind: 'url'; url: string };

/** One piece of a message. */
export type ContentPart =
  | { kind: 'text'; text: string; cacheControl?: boolean; citations?: unknown[] }
  | {
      kind: 'image';
      source: MediaSource;
      detail?: string;
      /** The prompt the provider rewrote and used for a generated image (OpenAI Images `revised_prompt`). */
      revisedPrompt?: string;
      /** Drawn while thinking (Gemini `thought: true`), not part of the answer. */
      thought?: true;
    }
  | {
      kind: 'audio';
      source: MediaSource;
      /** What the audio says, as the provider wrote it (OpenAI Chat `message.audio.transcript`). */
      transcript?: string;
      /** Provider id of generated audio, which a later request may refer to (`audio.id`). */
      id?: string;
    }
  | { kind: 'document'; source: MediaSource | null; title?: string; text?: string }
  | ToolCallPart
  | ToolResultPart
  | { kind: 'reasoning'; text: string; redacted?: boolean; signature?: string; summary?: boolean }
  | { kind: 'refusal'; text: string }
  /**
   * Tools a server offered the model, listed by the provider (OpenAI Responses `mcp_list_tools`):
   * not a call, but what the model could call.
   */
  | { kind: 'tool-list'; server: string | null; tools: OfferedTool[]; error?: string }
  | EmbeddingsPart
  | { kind: 'unknown'; label: string; raw: unknown };

/** One tool of a `tool-list` part. */
export interface OfferedTool {
  name: string;
  description?: string;
}

/** A call the model made to a tool. Client tools are run by the caller, server tools by the provider. */
export interface ToolCallPart {
  kind: 'tool-call';
  /** Provider id (`call_…`, `toolu_…`), or null (Gemini has none; see `ordinal`). */
  id: string | null;
  name: string;
  /** The arguments exactly as sent (a JSON string for most APIs). */
  argumentsText: string;
  /** Parsed arguments when `argumentsText` is valid JSON. */
  arguments?: unknown;
  /** Why `argumentsText` is not valid JSON, if it is not. */
  argumentsError?: string;
  /** True for provider-executed tools (Anthropic server_tool_use, Responses web_search_call, …). */
  server?: boolean;
  /** Server tool output carried in the same response, if any. */
  serverResult?: unknown;
  /**
   * For a server call named after something else than the offered tool, the offered tool's name:
   * an OpenAI Responses `mcp_call` of `ask_question` ran through `mcp:deepwiki`.
   */
  via?: string;
}

/** The answer to a tool call, sent back by the client in a later request. */
export interface ToolResultPart {
  kind: 'tool-result';
  /** The id of the call it answers, or null (Gemini matches by name and order). */
  callId: string | null;
  name?: string;
  content: ContentPart[];
  isError?: boolean;
}

/** One message of a conversation. */
export interface Message {
  role: Role;
  parts: ContentPart[];
  /** Participant name, when given. */
  name?: string;
}

/** A tool offered to the model in the request. */
export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON schema of the parameters. */
  parameters?: unknown;
  /** `function` for client tools, otherwise the built-in tool's type (`web_search`, `code_interpreter`, …). */
  type: string;
}

/** Token counts, normalized. `raw` keeps the provider's own object. */
export interface Usage {
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens?: number | null;
  cacheReadTokens?: number | null;
  cacheWriteTokens?: number | null;
  reasoningTokens?: number | null;
  /** Cost in USD when the response reports it (OpenRouter `usage.cost`). */
  costUsd?: number | null;
  raw: unknown;
}

/** A provider error: an HTTP error body or an error inside a stream. */
export interface ProviderError {
  message: string;
  type?: string | null;
  code?: string | number | null;
  /** Index of the stream event that carried it, for in-stream errors. */
  eventIndex?: number;
}

/**
 * Timing the provider reported about itself, inside the body (not recorded by the cassette).
 * Used by replay as a better source than an estimate.
 */
export interface ProviderTiming {
  /** Where it came from, e.g. "groq x_groq.usage", "cerebras time_info", "ollama eval_duration". */
  source: string;
  queueMs?: number | null;
  promptMs?: number | null;
  /** Time spent generating output tokens. */
  generationMs?: number | null;
  totalMs?: number | null;
}

/**
 * One step of a stream, in LLM terms, tied to the event that carried it. The shared assembler
 * (core/providers/assemble-stream.ts) folds these into the assistant message, so replay can show
 * the message at any event and the final message is the same fold over all of them.
 */
export type StreamDelta =
  | { kind: 'text'; eventIndex: number; text: string }
  | { kind: 'reasoning'; eventIndex: number; text: string; redacted?: boolean; signature?: string }
  | {
      kind: 'tool-call-start';
      eventIndex: number;
      /** Key that later fragments use (OpenAI `index`, Anthropic block index, item id). */
      key: string;
      id: string | null;
      name: string;
      server?: boolean;
      /** See `ToolCallPart.via`. */
      via?: string;
      /** Arguments that arrived already whole (Gemini, Bedrock Converse), if any. */
      argumentsText?: string;
    }
  | { kind: 'tool-call-args'; eventIndex: number; key: string; fragment: string }
  | { kind: 'server-tool-result'; eventIndex: number; key: string; result: unknown }
  | { kind: 'usage'; eventIndex: number; usage: Usage }
  | { kind: 'finish'; eventIndex: number; reason: string }
  | { kind: 'error'; eventIndex: number; error: ProviderError }
  /**
   * A piece of generated audio (OpenAI Chat `delta.audio`): base64 `data` and/or `transcript`
   * text, appended to the message's one audio part. `mimeType` comes from the request's format.
   */
  | {
      kind: 'audio';
      eventIndex: number;
      mimeType: string;
      data?: string;
      transcript?: string;
      id?: string;
    }
  /** A whole generated image carried by one event (Responses `image_generation_call` item done). */
  | { kind: 'image'; eventIndex: number; part: Extract<ContentPart, { kind: 'image' }> }
  | { kind: 'other'; eventIndex: number; label: string };

/** Adapter ids: the app's own fine-grained API names. */
export type ApiFamily =
  'openai-chat' | 'openai-responses' | 'anthropic-messages' | 'gemini' | 'bedrock' | 'other';

/** What the request asked for, in LLM terms. */
export interface LlmRequest {
  model: string | null;
  /** All input messages in order, system/instructions first. */
  messages: Message[];
  tools: ToolDefinition[];
  stream: boolean;
  /** Other notable parameters (temperature, max_tokens, tool_choice, …), shown as-is. */
  params: Record<string, unknown>;
}

/**
 * What an embeddings endpoint returned, without the vectors themselves (they are numbers nobody
 * reads; the raw view still has them). The one part of such a response's message.
 */
export interface EmbeddingsPart {
  kind: 'embeddings';
  /** How many vectors. */
  count: number;
  /** Length of each vector, in order (one entry per vector; base64 vectors counted as float32). */
  dimensions: number[];
  /** `float`, `base64`, `int8`, … as the response or request says, when known. */
  encoding: string | null;
}

/**
 * A response body the adapter of a known API could not read (not JSON, or JSON of another shape).
 * The thread shows it raw where the message would be, and the doctor reports it.
 */
export interface UnreadBody {
  /** Why it could not be read, e.g. "the body is not JSON". */
  reason: string;
  /** The body's text, cut to `UNREAD_BODY_MAX_CHARS` (core/providers/shared/unread-body.ts). */
  text: string;
  /** Full length of the body text in characters, or its size in bytes when it is binary. */
  length: number;
  mimeType: string | null;
  /** True when the body is binary: `text` then describes it instead of holding it. */
  binary: boolean;
}

/** What the response said, in LLM terms. */
export interface LlmResponse {
  model: string | null;
  /** The assistant turn; null for an error response. */
  message: Message | null;
  finishReason: string | null;
  usage: Usage | null;
  error: ProviderError | null;
  providerTiming: ProviderTiming | null;
  /** Response id, if any. */
  id?: string | null;
  /** Set when a known API's body could not be read (providers/index.ts `readExchange`). */
  unreadBody?: UnreadBody;
}

/** One HTTP exchange read by an adapter. */
export interface LlmExchange {
  /** Adapter id, e.g. "openai.chat-completions". */
  api: string;
  apiFamily: ApiFamily;
  /** Human label, e.g. "OpenAI · Chat Completions (OpenRouter)". */
  apiLabel: string;
  request: LlmRequest | null;
  response: LlmResponse | null;
  /** The framed stream, when the response was streamed. */
  stream: StreamTrace | null;
  /** The stream in LLM terms, in event order; empty when not streamed. */
  deltas: StreamDelta[];
  /** Problems the adapter met (bad JSON arguments, unknown event types). Never thrown. */
  notes: string[];
  /**
   * What the endpoint makes when it is not a chat turn: `images` (OpenAI Images) or `embeddings`.
   * Absent for chat and completion APIs. `inspect --json` gives such calls `text: null`.
   */
  output?: 'images' | 'embeddings';
}
