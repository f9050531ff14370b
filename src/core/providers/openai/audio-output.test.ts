import { describe, expect, it } from 'vitest';
import { toInspectInteraction } from '../../inspect/inspect-report';
import { findExchangeAnomalies } from '../../doctor/find-anomalies';
import { readExchange } from '../index';
import { jsonExchange, sse } from '../shared/json-exchange.test-support';

const URL = 'https://api.openai.com/v1/chat/completions';
const REQUEST = {
  model: 'gpt-4o-audio-preview',
  modalities: ['text', 'audio'],
  audio: { voice: 'alloy', format: 'mp3' },
  messages: [{ role: 'user', content: 'Say hello.' }],
};

describe('OpenAI Chat audio output', () => {
  it('reads message.audio as an audio part with its transcript, typed by the request format', () => {
    const http = jsonExchange(URL, REQUEST, {
      object: 'chat.completion',
      model: 'gpt-4o-audio-preview',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            audio: { id: 'audio_1', data: 'QUJDRA==', transcript: 'Hello! How can I help?', expires_at: 1 },
          },
          finish_reason: 'stop',
        },
      ],
    });
    const llm = readExchange(http);
    expect(llm.response?.message?.parts).toEqual([
      {
        kind: 'audio',
        source: { kind: 'inline', mimeType: 'audio/mpeg', base64: 'QUJDRA==' },
        transcript: 'Hello! How can I help?',
        id: 'audio_1',
      },
    ]);
    const row = toInspectInteraction({ http, llm });
    expect(row.audio_transcript).toBe('Hello! How can I help?');
    expect(row.text).toBe('');
    // Audio is an answer: not an empty completion.
    expect(findExchangeAnomalies({ http, llm })).toEqual([]);
  });

  it('assembles streamed delta.audio transcript and data pieces into one part', () => {
    const chunk = (audio: unknown, finish: string | null = null) => ({
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: { audio }, finish_reason: finish }],
    });
    const http = jsonExchange(
      URL,
      { ...REQUEST, audio: { voice: 'alloy', format: 'pcm16' }, stream: true },
      sse([
        chunk({ id: 'audio_2', transcript: 'Hel' }),
        chunk({ data: 'AAEC' }),
        chunk({ transcript: 'lo.', data: 'AwQ=' }),
        chunk({}, 'stop'),
      ]),
      { mimeType: 'text/event-stream' },
    );
    const llm = readExchange(http);
    const [part] = llm.response?.message?.parts ?? [];
    // "AAEC" + "AwQ=" are the bytes 0..4; joined as bytes, not as text.
    expect(part).toEqual({
      kind: 'audio',
      source: { kind: 'inline', mimeType: 'audio/pcm', base64: 'AAECAwQ=' },
      transcript: 'Hello.',
      id: 'audio_2',
    });
    expect(toInspectInteraction({ http, llm }).audio_transcript).toBe('Hello.');
  });

  it('has no audio_transcript when the response has no audio', () => {
    const http = jsonExchange(
      URL,
      { model: 'gpt-4o', messages: [] },
      {
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
      },
    );
    expect(toInspectInteraction({ http, llm: readExchange(http) }).audio_transcript).toBeNull();
  });
});
