/**
 * What each stream event carries, for the replay planner and the scrubber: its kind (the colour of
 * its tick) and how much visible output it holds (its share of the generation time).
 *
 * Events come from the framing (StreamTrace, core/model/stream.ts) and their meaning from the
 * adapter's StreamDelta list (core/model/conversation.ts), joined by `eventIndex`.
 */
import type { StreamDelta } from '../model/conversation';
import type { StreamEvent } from '../model/stream';

/** The tick colours of issue 5: text, tool arguments, reasoning, usage, error; the rest is "other". */
export type ReplayEventKind = 'text' | 'tool' | 'reasoning' | 'usage' | 'error' | 'other';

/** One event's kind and the characters of output it delivers. */
export interface EventContent {
  kind: ReplayEventKind;
  /** Characters of text, reasoning, tool name and arguments the event adds to the message. */
  chars: number;
}

/**
 * When one event holds several deltas, the most telling one names it: an error matters most, then
 * a tool call (rarer than text, and what the user is usually looking for), then reasoning, text,
 * and last the bookkeeping (usage).
 */
const KIND_RANK: Record<ReplayEventKind, number> = {
  error: 5,
  tool: 4,
  reasoning: 3,
  text: 2,
  usage: 1,
  other: 0,
};

function deltaKind(delta: StreamDelta): ReplayEventKind {
  switch (delta.kind) {
    case 'text':
      return 'text';
    case 'reasoning':
      return 'reasoning';
    case 'tool-call-start':
    case 'tool-call-args':
    case 'server-tool-result':
      return 'tool';
    case 'usage':
      return 'usage';
    case 'error':
      return 'error';
    default:
      return 'other';
  }
}

function deltaChars(delta: StreamDelta): number {
  switch (delta.kind) {
    case 'text':
    case 'reasoning':
      return delta.text.length;
    case 'tool-call-start':
      return delta.name.length + (delta.argumentsText?.length ?? 0);
    case 'tool-call-args':
      return delta.fragment.length;
    default:
      return 0;
  }
}

/**
 * Kind and size of every event, indexed by position in `events`. Deltas whose `eventIndex` names no
 * event are ignored here (they still reach the assembled message). An event the framing flagged
 * (payload that is not JSON, an SSE `event: error`) counts as an error even without an error delta,
 * so the stream doctor's findings show on the scrubber too.
 */
export function describeEvents(
  events: readonly StreamEvent[],
  deltas: readonly StreamDelta[],
): EventContent[] {
  const byIndex = new Map<number, number>();
  const contents: EventContent[] = events.map((event, position) => {
    byIndex.set(event.index, position);
    const flagged = event.jsonError !== undefined || event.event === 'error';
    return { kind: flagged ? 'error' : 'other', chars: 0 };
  });
  for (const delta of deltas) {
    const position = byIndex.get(delta.eventIndex);
    if (position === undefined) continue;
    const content = contents[position];
    if (!content) continue;
    const kind = deltaKind(delta);
    if (KIND_RANK[kind] > KIND_RANK[content.kind]) content.kind = kind;
    content.chars += deltaChars(delta);
  }
  return contents;
}

/**
 * A rough token count for text when the response reports none: about four characters per token
 * for English (OpenAI, "What are tokens and how to count them",
 * https://help.openai.com/en/articles/4936856). Only used for estimates, and labelled so.
 */
export function estimateTokensFromChars(chars: number): number {
  return Math.max(1, Math.round(chars / 4));
}
