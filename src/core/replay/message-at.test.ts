import { describe, expect, it } from 'vitest';
import type { StreamDelta } from '../model/conversation';
import { assembleMessage } from '../providers/assemble-stream';
import { MessageAtEvent } from './message-at';

const deltas: StreamDelta[] = [
  { kind: 'text', eventIndex: 0, text: "I'll" },
  { kind: 'text', eventIndex: 1, text: ' add' },
  { kind: 'tool-call-start', eventIndex: 2, key: '0', id: 'call_1', name: 'add' },
  { kind: 'tool-call-args', eventIndex: 3, key: '0', fragment: '{"a":2,' },
  { kind: 'tool-call-args', eventIndex: 4, key: '0', fragment: '"b":3}' },
  { kind: 'finish', eventIndex: 5, reason: 'tool_calls' },
];

describe('MessageAtEvent', () => {
  it('gives the same message as a full fold at every event, forward, backward and jumping', () => {
    const message = new MessageAtEvent(deltas);
    for (const upto of [0, 1, 2, 3, 4, 5, 2, 0, 5, 3, 3, -1]) {
      expect(message.at(upto)).toEqual(assembleMessage(deltas, upto));
    }
  });

  it('shows tool arguments growing as partial JSON', () => {
    const message = new MessageAtEvent(deltas);
    const partial = message.at(3).message.parts[1];
    expect(partial).toMatchObject({ kind: 'tool-call', name: 'add', argumentsText: '{"a":2,' });
    expect(partial && 'argumentsError' in partial && partial.argumentsError).toBeTruthy();
    expect(message.at(4).message.parts[1]).toMatchObject({ arguments: { a: 2, b: 3 } });
  });

  it('still folds correctly when deltas arrive out of event order', () => {
    const shuffled = [deltas[1]!, deltas[0]!, ...deltas.slice(2)];
    const message = new MessageAtEvent(shuffled);
    expect(message.at(1)).toEqual(assembleMessage(shuffled, 1));
  });
});
