/**
 * One conversation across all interactions of a cassette. Chat APIs are stateless, so request N+1
 * repeats the history of request N; the thread shows each message once, folds the repeats, and
 * links every tool result to the call it answers (by id, or for Gemini by name and order).
 */
import type {
  ContentPart,
  LlmExchange,
  Message,
  ProviderError,
  Role,
  ToolDefinition,
  UnreadBody,
  Usage,
} from './conversation';

/** Where a part sits in the thread: item index and part index within that item's message. */
export interface PartRef {
  item: number;
  part: number;
}

/** A tool call and the result that answers it, numbered in order of appearance (1, 2, 3…). */
export interface ToolLink {
  ordinal: number;
  name: string;
  id: string | null;
  server: boolean;
  call: PartRef;
  /** Null while no later request carries an answer. */
  result: PartRef | null;
}

/** The head of one HTTP call in the thread: what the table row shows, kept visible in the timeline. */
export interface ExchangeBoundary {
  exchangeIndex: number;
  method: string;
  url: string;
  status: number | null;
  durationMs: number | null;
  model: string | null;
  apiLabel: string;
  streamed: boolean;
  usage: Usage | null;
  finishReason: string | null;
}

/** One row of the thread, in order. */
export type ThreadItem =
  | { kind: 'boundary'; exchangeIndex: number; boundary: ExchangeBoundary }
  /**
   * The first `count` messages of this request, already shown earlier in the thread: folded, with
   * their roles (each once, in order) for the fold's label. The messages themselves stay with the
   * exchange and a view reads them from it when the fold opens: they grow with the conversation,
   * and sending every request's copy made up 2.3 MB of the 6.8 MB a load of the 43 MB bench file
   * posted to the page (issue 15).
   */
  | { kind: 'history'; exchangeIndex: number; count: number; roles: Role[] }
  | { kind: 'message'; exchangeIndex: number; source: 'request' | 'response'; message: Message }
  | { kind: 'error'; exchangeIndex: number; status: number | null; error: ProviderError }
  /** An exchange no adapter understood: the view shows it as raw HTTP. */
  | { kind: 'raw'; exchangeIndex: number }
  /** A known API's response body its adapter could not read, shown raw where the message would be. */
  | { kind: 'unread-body'; exchangeIndex: number; body: UnreadBody };

/** A tool offered in any request, shown once with how often the model called it. */
export interface ThreadTool {
  definition: ToolDefinition;
  callCount: number;
  /** First exchange whose request offered it. */
  firstExchangeIndex: number;
}

/** The whole cassette as one conversation. */
export interface Thread {
  items: ThreadItem[];
  tools: ThreadTool[];
  links: ToolLink[];
  /** Sum over all responses; null fields when no response reported them. */
  totalUsage: Usage | null;
}

export type { ContentPart, LlmExchange };
