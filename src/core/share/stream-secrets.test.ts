import { describe, expect, it } from 'vitest';
import { jsonExchange, sse } from '../providers/shared/json-exchange.test-support';
import { findSplitSecrets } from './stream-secrets';

const chunk = (content: string) => ({
  id: 'c1',
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta: { content } }],
});

function streamed(pieces: string[]) {
  return jsonExchange(
    'https://api.example.com/v1/chat/completions',
    { model: 'm', stream: true },
    sse(pieces.map(chunk)),
    { mimeType: 'text/event-stream' },
  );
}

describe('findSplitSecrets', () => {
  it('finds a key split across two deltas, with the events that hold its pieces', () => {
    const key = 'sk-proj-' + 'Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34';
    const [secret] = findSplitSecrets(
      streamed(['Your key: ', key.slice(0, 12), key.slice(12), ' and keep it safe.']),
    );
    expect(secret?.secret).toContain(key.slice(8));
    expect(secret?.pieces.map((piece) => piece.eventIndex)).toEqual([1, 2]);
  });

  // The mask-then-scan fuzz test found it: in a masked copy, a rule matched an empty secret in the
  // assembled reply, and the search for its places looped forever (the share worker ran out of
  // heap on a 1 KB file).
  it('ends on a masked reply whose rule matches an empty value', () => {
    const exchange = streamed([
      '<li> <a href="https://demo.kuboard.cn/dash',
      'board?k8sToken=<MASKED_JWT_1>">\n\t\tdemo</a></li>',
      '\n',
    ]);
    expect(findSplitSecrets(exchange)).toEqual([]);
  });
});
