/**
 * The assistant message as the client had it at a given event, for a player that asks once per
 * arriving event. Moving forward pushes only the new deltas into the shared StreamAssembler
 * (core/providers/assemble-stream.ts), so a 5,000-event replay costs O(new deltas) per step
 * instead of refolding the whole stream; moving back starts over. The result is the same fold
 * the adapters use for the final message, so replay and timeline never disagree.
 */
import type { StreamDelta } from '../model/conversation';
import { assembleMessage, StreamAssembler, type AssembledMessage } from '../providers/assemble-stream';

export class MessageAtEvent {
  private readonly deltas: readonly StreamDelta[];
  /** Adapters emit deltas in event order; if one did not, fall back to a full fold each time. */
  private readonly ordered: boolean;
  private assembler = new StreamAssembler();
  private pushed = 0;
  private upto = -1;
  private last: AssembledMessage | null = null;

  constructor(deltas: readonly StreamDelta[]) {
    this.deltas = deltas;
    this.ordered = deltas.every(
      (delta, i) => i === 0 || delta.eventIndex >= (deltas[i - 1]?.eventIndex ?? 0),
    );
  }

  /** The message once every event with index ≤ `uptoEventIndex` has arrived. */
  at(uptoEventIndex: number): AssembledMessage {
    if (this.last && uptoEventIndex === this.upto) return this.last;
    if (!this.ordered) {
      this.upto = uptoEventIndex;
      this.last = assembleMessage(this.deltas, uptoEventIndex);
      return this.last;
    }
    if (uptoEventIndex < this.upto) {
      this.assembler = new StreamAssembler();
      this.pushed = 0;
    }
    while (this.pushed < this.deltas.length) {
      const delta = this.deltas[this.pushed];
      if (!delta || delta.eventIndex > uptoEventIndex) break;
      this.assembler.push(delta);
      this.pushed += 1;
    }
    this.upto = uptoEventIndex;
    this.last = this.assembler.snapshot();
    return this.last;
  }
}
