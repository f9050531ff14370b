/**
 * Which stream event a finding about the assembled message points at, so `inspect --json` and the
 * findings list can name it and a click can jump to it. The message of a stream is folded from its
 * deltas (providers/assemble-stream.ts), which opens one tool-call part per delta `key`, in the
 * order the keys first appear; so the n-th tool call of a streamed message is the n-th key.
 */
import type { LlmExchange, ToolCallPart } from '../model/conversation';

/** One tool call as the deltas streamed it. */
interface StreamedCall {
  id: string | null;
  name: string;
  /** The event of its last arguments fragment, or of its start when the call arrived whole. */
  lastEvent: number;
}

/** The calls of a stream in the order the assembler opened them. */
function streamedCalls(llm: LlmExchange): StreamedCall[] {
  const byKey = new Map<string, StreamedCall>();
  const order: StreamedCall[] = [];
  for (const delta of llm.deltas) {
    if (delta.kind !== 'tool-call-start' && delta.kind !== 'tool-call-args') continue;
    let call = byKey.get(delta.key);
    if (!call) {
      call = { id: null, name: '', lastEvent: delta.eventIndex };
      byKey.set(delta.key, call);
      order.push(call);
    }
    // A repeated start fills in what the first one lacked, as the assembler does.
    if (delta.kind === 'tool-call-start') {
      call.id ??= delta.id;
      if (call.name === '') call.name = delta.name;
    }
    call.lastEvent = delta.eventIndex;
  }
  return order;
}

function sameCall(streamed: StreamedCall, part: ToolCallPart): boolean {
  if (streamed.id !== null && part.id !== null) return streamed.id === part.id;
  return streamed.name === '' || streamed.name === part.name;
}

/**
 * For each tool-call part of the response message, in order, the event that completed it: its
 * last arguments fragment, or the event that carried it whole. Undefined where the response was
 * not streamed or the call never appeared in the stream (a Responses `.done` payload can add one).
 *
 * Calls are matched by position first, so two calls with the same name and no id (Gemini, some
 * OpenAI-compatible servers) each get their own event; by id when the positions disagree.
 */
export function toolCallEvents(llm: LlmExchange): (number | undefined)[] {
  const calls = streamedCalls(llm);
  const parts = (llm.response?.message?.parts ?? []).filter(
    (part): part is ToolCallPart => part.kind === 'tool-call',
  );
  return parts.map((part, position) => {
    const atPosition = calls[position];
    if (atPosition && sameCall(atPosition, part)) return atPosition.lastEvent;
    if (part.id === null) return undefined;
    return calls.find((call) => call.id === part.id)?.lastEvent;
  });
}

/**
 * The event that carried the final finish reason: the first one that gave it, since some servers
 * repeat it in a usage chunk right after (OpenRouter), and the model stopped at the first. Falls
 * back to the last finish delta when none spells the final reason exactly.
 */
export function finishEvent(llm: LlmExchange, reason: string): number | undefined {
  let last: number | undefined;
  for (const delta of llm.deltas) {
    if (delta.kind !== 'finish') continue;
    if (delta.reason === reason) return delta.eventIndex;
    last = delta.eventIndex;
  }
  return last;
}

/** " in event 7" or "" — for messages that name their event only when there is one. */
export function inEvent(eventIndex: number | undefined): string {
  return eventIndex === undefined ? '' : ` in event ${eventIndex}`;
}
