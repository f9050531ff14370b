import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AnalyzedExchange } from '../../core/model/analysis';
import type { HttpBody } from '../../core/model/http';
import type { StreamTrace } from '../../core/model/stream';
import { RawInspector } from './raw-inspector';
import { hexDump, looksLikeJson } from './hex-dump';
import { decodeBytesPayload } from './event-payload';

const textBody = (text: string, mimeType = 'application/json', decoding = ['UTF-8']): HttpBody => ({
  text,
  bytes: null,
  mimeType,
  sizeBytes: text.length,
  decoding,
});

function exchange(responseBody: HttpBody | null, stream: StreamTrace | null = null): AnalyzedExchange {
  return {
    http: {
      index: 0,
      request: {
        method: 'POST',
        url: 'https://api.example.com/v1/chat',
        headers: [
          { name: 'Content-Type', value: 'application/json' },
          { name: 'X-Evil', value: 'a\u202Eb' },
        ],
        body: textBody('{"model":"m","messages":[{"role":"user","content":"<script>x</script>"}]}'),
        protocol: 'HTTP/1.1',
      },
      response: { status: 200, statusText: 'OK', headers: [], body: responseBody, protocol: 'HTTP/2.0' },
      timing: {
        durationMs: 966.797458,
        durationSource: 'go-vcr-duration',
        waitMs: null,
        receiveMs: null,
        startedAt: null,
        recordedAt: null,
      },
      warnings: [{ severity: 'warning', message: 'unsafe tag, not constructed' }],
    },
    llm: {
      api: 'x',
      apiFamily: 'other',
      apiLabel: 'Unknown API',
      request: null,
      response: null,
      stream,
      deltas: [],
      notes: ['odd event'],
    },
  };
}

const render = (value: AnalyzedExchange) => renderToStaticMarkup(<RawInspector exchange={value} />);

describe('RawInspector', () => {
  it('shows request and response lines, headers escaped, pretty JSON, timing and warnings', () => {
    const html = render(exchange(textBody('{"ok":true}', 'application/json', ['base64', 'gzip', 'UTF-8'])));
    expect(html).toContain('https://api.example.com/v1/chat');
    expect(html).toContain('HTTP/2.0');
    expect(html).toContain('a⟨U+202E⟩b');
    expect(html).toContain('{\n  &quot;ok&quot;: true\n}');
    expect(html).toContain('base64 → gzip → UTF-8');
    expect(html).toContain('966.797458 ms');
    expect(html).toContain('unsafe tag, not constructed');
    expect(html).toContain('odd event');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
  });

  it('lists stream events with names and AWS frame headers', () => {
    const trace: StreamTrace = {
      format: 'aws-eventstream',
      events: [
        {
          index: 0,
          event: 'chunk',
          id: null,
          data: '{"bytes":"e30="}',
          json: { bytes: 'e30=' },
          headers: [{ name: ':event-type', value: 'chunk' }],
        },
        { index: 1, event: null, id: null, data: 'not json', jsonError: 'Unexpected token' },
      ],
      commentCount: 2,
      issues: [{ line: 9, text: 'garbage', message: 'no field name' }],
      truncated: true,
    };
    const html = render(exchange(textBody('raw', 'application/vnd.amazon.eventstream'), trace));
    expect(html).toContain('AWS event-stream frames · 2 events');
    expect(html).toContain('<th scope="col">What it added</th>');
    // A row opens to its frame headers and its payload, decoded from base64 by default.
    expect(html).not.toContain(':event-type');
    const opened = renderToStaticMarkup(
      <RawInspector
        exchange={exchange(textBody('raw', 'application/vnd.amazon.eventstream'), trace)}
        focusEventIndex={0}
      />,
    );
    expect(opened).toContain(':event-type');
    expect(opened).toContain('Payload decoded from the frame’s base64 “bytes” field.');
    expect(opened).toContain('Show recorded frame (base64)');
    expect(html).toContain('not JSON: Unexpected token');
    expect(html).toContain('Line 9: no field name');
    expect(html).toContain('ends in the middle of an event');
  });

  it('pages 100,000 events', () => {
    const events = Array.from({ length: 100_000 }, (_, index) => ({
      index,
      event: 'message',
      id: null,
      data: `{"i":${index}}`,
      json: { i: index },
    }));
    const html = render(
      exchange(textBody('x', 'text/event-stream'), {
        format: 'sse',
        events,
        commentCount: 0,
        issues: [],
        truncated: false,
      }),
    );
    expect(html.match(/class="ri-event"/g)).toHaveLength(100);
    expect(html).toContain('page 1 of 1,000');
  });

  it('opens on the page holding a focused event (a stream doctor jump past the first page)', () => {
    const events = Array.from({ length: 450 }, (_, index) => ({
      index,
      event: 'message',
      id: null,
      data: `{"i":${index}}`,
      json: { i: index },
    }));
    const trace: StreamTrace = { format: 'sse', events, commentCount: 0, issues: [], truncated: false };
    const html = renderToStaticMarkup(
      <RawInspector exchange={exchange(textBody('x', 'text/event-stream'), trace)} focusEventIndex={321} />,
    );
    expect(html).toContain('page 4 of 5');
    expect(html).toContain('data-event-index="321"');
    expect(html).not.toContain('data-event-index="99"');
  });

  it('folds JSON nested 100,000 levels deep', () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const html = render(exchange(textBody(deep)));
    expect(html).toContain('Nested 100,000 levels deep');
    expect(html.length).toBeLessThan(20_000);
  });

  it('shows binary bodies as type, size and hex', () => {
    const bytes = new Uint8Array([0, 0, 0, 0x10, 0x41, 0x42]);
    const html = render(
      exchange({
        text: null,
        bytes,
        mimeType: 'application/octet-stream',
        sizeBytes: 6,
        decoding: ['yaml !!binary'],
      }),
    );
    expect(html).toContain('Binary body · application/octet-stream · 6 B');
    expect(html).toContain('00 00 00 10 41 42');
  });
});

describe('hex helpers', () => {
  it('dumps bytes like xxd and caps the length', () => {
    const bytes = new Uint8Array(40).map((_, i) => 0x41 + (i % 26));
    const dump = hexDump(bytes, 32);
    expect(dump.split('\n')[0]).toBe(
      '00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|',
    );
    expect(dump).toContain('… 8 more bytes');
    expect(looksLikeJson('application/vnd.api+json', 'x')).toBe(true);
    expect(looksLikeJson('text/plain', '  [1]')).toBe(true);
    expect(looksLikeJson('text/plain', 'hello')).toBe(false);
  });
});

describe('decodeBytesPayload', () => {
  it('decodes the base64 JSON of a Bedrock payload part', () => {
    const inner = JSON.stringify({ type: 'content_block_delta', delta: { text: 'héllo' } });
    const bytes = btoa(String.fromCharCode(...new TextEncoder().encode(inner)));
    expect(decodeBytesPayload({ bytes, p: 'abc' })).toBe(inner);
    expect(decodeBytesPayload({ bytes: '%%%' })).toBeNull();
    expect(decodeBytesPayload({ other: 1 })).toBeNull();
    expect(decodeBytesPayload('bytes')).toBeNull();
  });
});
