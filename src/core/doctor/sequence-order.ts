/**
 * Duplicate or out-of-order chunks. Where an API numbers its stream, the numbers must grow:
 * OpenAI Responses events carry `sequence_number`
 * (https://platform.openai.com/docs/api-reference/responses-streaming), Anthropic content blocks
 * are started once per `index` in order (https://docs.anthropic.com/en/api/messages-streaming),
 * and SSE `id:` fields, when a server sends them, identify each event once.
 */
import type { Anomaly } from '../model/anomaly';
import type { LlmExchange } from '../model/conversation';

/** Findings about numbering within one stream; at most one per kind of numbering. */
export function findSequenceProblems(llm: LlmExchange, exchangeIndex: number): Anomaly[] {
  const events = llm.stream?.events ?? [];
  const out: Anomaly[] = [];
  let lastSequence: number | null = null;
  const startedBlocks = new Set<number>();
  let lastBlock = -1;
  const seenIds = new Set<string>();
  let sequenceReported = false;
  let blockReported = false;
  let idReported = false;
  for (const event of events) {
    const json = event.json as Record<string, unknown> | undefined;
    const sequence = typeof json?.sequence_number === 'number' ? json.sequence_number : null;
    if (sequence !== null && !sequenceReported) {
      if (lastSequence !== null && sequence <= lastSequence) {
        sequenceReported = true;
        out.push({
          kind: 'sequence-order',
          severity: 'error',
          exchangeIndex,
          eventIndex: event.index,
          message: `event ${event.index} has sequence_number ${sequence} after ${lastSequence} (${sequence === lastSequence ? 'duplicate' : 'out of order'})`,
        });
      }
      lastSequence = sequence;
    }
    if (json?.type === 'content_block_start' && typeof json.index === 'number' && !blockReported) {
      const index = json.index;
      if (startedBlocks.has(index) || index < lastBlock) {
        blockReported = true;
        out.push({
          kind: 'sequence-order',
          severity: 'error',
          exchangeIndex,
          eventIndex: event.index,
          message: `event ${event.index} starts content block ${index} ${startedBlocks.has(index) ? 'a second time' : 'out of order'}`,
        });
      }
      startedBlocks.add(index);
      lastBlock = Math.max(lastBlock, index);
    }
    if (event.id !== null && event.id !== '' && !idReported) {
      if (seenIds.has(event.id)) {
        idReported = true;
        out.push({
          kind: 'sequence-order',
          severity: 'warning',
          exchangeIndex,
          eventIndex: event.index,
          message: `event ${event.index} repeats SSE id ${event.id}`,
        });
      }
      seenIds.add(event.id);
    }
  }
  return out;
}
