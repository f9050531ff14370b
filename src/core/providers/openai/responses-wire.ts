/**
 * Wire types of the OpenAI Responses API: only the fields this viewer reads. Every field is
 * optional because a cassette may hold a gateway's dialect (Azure, xAI, OpenRouter) or a truncated
 * body; readers check each value before using it. Import as a namespace:
 * `import type * as wire from './responses-wire'`.
 *
 * - Create a response (request body): https://platform.openai.com/docs/api-reference/responses/create
 * - The response object and its output items: https://platform.openai.com/docs/api-reference/responses/object
 * - Streaming events: https://platform.openai.com/docs/api-reference/responses-streaming
 * - xAI Responses (`cost_in_usd_ticks`): https://docs.x.ai/developers/cost-tracking
 */

/** A content part inside a message item (`input_text`, `output_text`, `input_image`, …). */
export interface ContentPart {
  type?: string;
  text?: string;
  refusal?: string;
  /** `input_image`: a URL or a data URL. */
  image_url?: string | { url?: string } | null;
  file_id?: string | null;
  detail?: string;
  /** `input_file`: inline base64 data URL, a URL, and a display name. */
  file_data?: string;
  file_url?: string;
  filename?: string;
  /** `input_audio`. */
  input_audio?: { data?: string; format?: string };
  annotations?: unknown[];
}

/** One item of `input` or `output`. Messages may omit `type` in the request (EasyInputMessage). */
export interface Item {
  type?: string;
  id?: string;
  role?: string;
  status?: string;
  content?: string | ContentPart[] | null;
  /** function_call, custom_tool_call, computer_call, … */
  call_id?: string;
  name?: string;
  arguments?: string | null;
  /** custom_tool_call input. */
  input?: string;
  /** function_call_output / custom_tool_call_output / mcp_call output. */
  output?: string | ContentPart[] | null;
  /** reasoning */
  summary?: { type?: string; text?: string }[];
  encrypted_content?: string | null;
  /** mcp_call, mcp_list_tools */
  server_label?: string;
  /** mcp_list_tools: `{name, description, input_schema, annotations}` per tool. */
  tools?: unknown;
  error?: unknown;
  /** web_search_call action, code_interpreter_call code/outputs, image_generation_call result. */
  action?: unknown;
  code?: string | null;
  outputs?: unknown;
  result?: unknown;
  results?: unknown;
  queries?: string[];
}

/** A tool offered in the request: `function`, `custom`, or a built-in (`web_search`, `mcp`, …). */
export interface Tool {
  type?: string;
  name?: string;
  description?: string;
  parameters?: unknown;
  server_label?: string;
}

/** POST /v1/responses body. */
export interface CreateRequest {
  model?: string;
  input?: string | Item[];
  instructions?: string | Item[] | null;
  tools?: Tool[];
  stream?: boolean;
  background?: boolean;
  previous_response_id?: string | null;
}

/** `usage` of a response. */
export interface Usage {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
  input_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number } | null;
  output_tokens_details?: { reasoning_tokens?: number } | null;
  /** xAI: cost in units of 1e-10 USD. */
  cost_in_usd_ticks?: number;
  /** OpenRouter's Responses endpoint. */
  cost?: number;
}

/** An error object as found in `response.error`, an error body, or an `error` stream event. */
export interface ErrorObject {
  message?: string;
  type?: string | null;
  code?: string | number | null;
  param?: string | null;
}

/** The response object (non-streamed body, or `response` inside lifecycle events). */
export interface Response {
  id?: string;
  object?: string;
  created_at?: number | null;
  completed_at?: number | null;
  status?: string;
  model?: string;
  output?: Item[];
  usage?: Usage | null;
  error?: ErrorObject | null;
  incomplete_details?: { reason?: string } | null;
  background?: boolean;
}

/** One typed stream event. Fields that only some events carry are optional. */
export interface StreamEvent {
  type?: string;
  sequence_number?: number;
  response?: Response;
  item?: Item;
  item_id?: string;
  output_index?: number;
  content_index?: number;
  summary_index?: number;
  delta?: string;
  text?: string;
  arguments?: string;
  /** `error` events: flat (`code`, `message`) or nested (`error`). */
  code?: string | null;
  message?: string;
  param?: string | null;
  error?: ErrorObject;
  partial_image_b64?: string;
}

/** An HTTP error body: `{ "error": { message, type, code, param } }`. */
export interface ErrorBody {
  error?: ErrorObject | string;
}
