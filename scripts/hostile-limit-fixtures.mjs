/**
 * The large hostile fixtures of issue 14 (budgets and stack depth), written by
 * scripts/make-hostile-fixtures.mjs into tests/fixtures/hostile/generated/. Each one is what a
 * crafted share link or file did to the tab or the CLI before the limit existed; what must happen
 * now is in tests/hostile/catalog.ts.
 */
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { MiB, oneChatCassette } from './hostile-fixture-writers.mjs';

/** A go-vcr v2 interaction in flow style; `body` and `response` are YAML text. */
function flowInteraction(requestBody, responseBody, contentType = 'application/json') {
  return `  - {request: {url: "https://api.openai.com/v1/chat/completions", method: POST, headers: {Content-Type: [application/json]}, body: ${requestBody}}, response: {code: 200, headers: {Content-Type: [${contentType}]}, body: ${responseBody}}}`;
}

/** One go-vcr v2 streamed chat interaction in block style with the given response body and type. */
function blockChat(marker, responseBody, contentType, extraRequest = '') {
  return oneChatCassette({
    marker,
    stream: true,
    extraRequest,
    responseBody,
    responseHeaders: `Content-Type: [${contentType}]`,
  });
}

export function limitFixtures() {
  return {
    // Issue 14: one 1 MiB string anchored once and aliased 20,000 times (20 GB if materialized).
    'alias-bytes.yaml': () => {
      const item = (body) => [
        '  - request:',
        `      body: ${body}`,
        '      url: https://api.openai.com/v1/chat/completions',
        '      method: POST',
        '    response:',
        '      body: ok',
        '      code: 200',
      ];
      const lines = ['version: 2', 'interactions:', ...item(`&big "ALIAS-MARKER ${'x'.repeat(MiB)}"`)];
      for (let i = 1; i < 20_000; i++) lines.push(...item('*big'));
      return `${lines.join('\n')}\n`;
    },
    // Issue 14: a small .gz of 100 brotli bodies, each inflating to 63 MiB (under the per-body
    // cap of 64 MiB, 6.2 GiB in all).
    'inflate-total.yaml.gz': () => {
      const brotli = brotliCompressSync(Buffer.alloc(63 * MiB, 0x41), {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 },
      }).toString('base64');
      const lines = ['version: 2', 'interactions:'];
      for (let i = 0; i < 100; i++) {
        lines.push(
          '  - request:',
          `      body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"INFLATE-${i}"}]}'`,
          '      url: https://api.openai.com/v1/chat/completions',
          '      method: POST',
          '    response:',
          `      body: !!binary ${brotli}`,
          '      headers: {Content-Type: [application/json], Content-Encoding: [br]}',
          '      code: 200',
        );
      }
      return gzipSync(`${lines.join('\n')}\n`, { level: 9 });
    },
    // Issue 14: a small .gz that inflates to 4,000,000 empty interactions.
    'many-interactions.yaml.gz': () =>
      gzipSync(`version: 2\ninteractions:\n${'- {}\n'.repeat(4_000_000)}`, { level: 9 }),
    // Issue 14: 300,000 stream events that are not JSON, one finding each.
    'sse-300k-bad-events.yaml': () => {
      const events = [];
      for (let i = 0; i < 300_000; i++) events.push(`        data: {not json ${i}\n\n`);
      return blockChat('BAD-EVENTS-MARKER', `|\n${events.join('')}`, 'text/event-stream');
    },
    // Issue 14: tool-call arguments nested 100,000 levels deep, in the request's history and in
    // the reply, so the thread builder compares them (canonicalJson).
    'deep-tool-arguments.yaml': () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const call = { id: 'call_1', type: 'function', function: { name: 'deep', arguments: deep } };
      const reply = JSON.stringify({
        id: 'c',
        object: 'chat.completion',
        model: 'gpt-4o-mini',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: null, tool_calls: [call] },
            finish_reason: 'tool_calls',
          },
        ],
      });
      const request = JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'user', content: 'DEEP-ARGS-MARKER' },
          { role: 'assistant', content: null, tool_calls: [call] },
          { role: 'tool', tool_call_id: 'call_1', content: 'done' },
        ],
      });
      return ['version: 2', 'interactions:', flowInteraction(`'${request}'`, `'${reply}'`), ''].join('\n');
    },
    // Issue 14: streamed events and a request message nested 100,000 levels deep (structured
    // clone in postMessage and the page's renderers recurse).
    'deep-sse-body.yaml': () => {
      const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
      const body = [
        `        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"DEEP-SSE-MARKER"},"finish_reason":null}]}`,
        '',
        `        data: ${deep}`,
        '',
        `        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}`,
        '',
        '        data: [DONE]',
        '',
      ].join('\n');
      return blockChat('DEEP-SSE-MARKER', `|\n${body}`, 'text/event-stream', `,"metadata":${deep}`);
    },
  };
}
