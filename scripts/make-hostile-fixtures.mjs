#!/usr/bin/env node
/**
 * Writes the hostile-input fixtures of issue 8 (see tests/fixtures/hostile/README.md).
 *
 *   node scripts/make-hostile-fixtures.mjs           large files → tests/fixtures/hostile/generated/
 *   node scripts/make-hostile-fixtures.mjs --small   also rewrites the small, checked-in files
 *
 * Every byte is deterministic (a seeded PRNG; Node's gzip writes mtime 0 and brotli has no
 * timestamp), so the generated files are the same on every machine and the tests can regenerate
 * them on demand (tests/hostile/hostile-fixtures.ts). The large files are git-ignored: a 50 MB
 * line and a 100 MiB bomb do not belong in the repository, their recipes do.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { MiB, oneChatCassette } from './hostile-fixture-writers.mjs';
import { linkFixtures } from './hostile-link-fixtures.mjs';
import { limitFixtures } from './hostile-limit-fixtures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HOSTILE_DIR = join(ROOT, 'tests', 'fixtures', 'hostile');
export const GENERATED_DIR = join(HOSTILE_DIR, 'generated');

/** The payload every script-shaped fixture carries: if it ever ran, `window.__pwned` would be 1. */
const PWN = 'window.__pwned=1';

/** A go-vcr v2 cassette of one OpenAI chat completion (the founding format, issue 2). */
function goVcrChat({
  requestBody,
  responseBody,
  responseHeaders = { 'Content-Type': ['application/json'] },
}) {
  const headerLines = Object.entries(responseHeaders)
    .map(([name, values]) => `        ${name}:\n${values.map((v) => `          - ${v}`).join('\n')}`)
    .join('\n');
  return [
    '---',
    'version: 2',
    'interactions:',
    '  - id: 0',
    '    request:',
    `      body: ${JSON.stringify(requestBody)}`,
    '      headers:',
    '        Content-Type:',
    '          - application/json',
    '      url: https://api.openai.com/v1/chat/completions',
    '      method: POST',
    '    response:',
    `      body: ${responseBody}`,
    '      headers:',
    headerLines,
    '      status: 200 OK',
    '      code: 200',
    '      duration: 12.5ms',
    '',
  ].join('\n');
}

function chatCompletion(content, toolCalls) {
  const message = { role: 'assistant', content };
  if (toolCalls) message.tool_calls = toolCalls;
  return JSON.stringify({
    id: 'chatcmpl-hostile',
    object: 'chat.completion',
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message, finish_reason: toolCalls ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  });
}

const svgWithScript = `<svg xmlns="http://www.w3.org/2000/svg" onload="${PWN}"><script>${PWN}</script></svg>`;
const svgDataUrl = `data:image/svg+xml;base64,${Buffer.from(svgWithScript).toString('base64')}`;
const htmlDataUrl = `data:text/html;base64,${Buffer.from(`<script>${PWN}</script>`).toString('base64')}`;

/** Small fixtures, checked in. name → string | Buffer. */
function smallFixtures() {
  const files = {};
  files['script-in-messages.yaml'] = goVcrChat({
    requestBody: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: `<script>${PWN}</script> SYSTEM-MARKER` },
        {
          role: 'user',
          content: `<img src=x onerror="${PWN}"> USER-MARKER <iframe src="javascript:${PWN}"></iframe>`,
        },
      ],
    }),
    responseBody: `'${chatCompletion(`<b onmouseover="${PWN}">bold?</b> <script>${PWN}</script> ASSISTANT-MARKER`)}'`,
  });
  files['script-in-tool-arguments.yaml'] = goVcrChat({
    requestBody: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'user', content: 'call the tool' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'render', arguments: JSON.stringify({ html: `<script>${PWN}</script>` }) },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: `<img src=x onerror="${PWN}">TOOL-RESULT-MARKER` },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'render',
            description: `<script>${PWN}</script>`,
            parameters: { type: 'object' },
          },
        },
      ],
    }),
    responseBody: `'${chatCompletion(null, [
      {
        id: 'call_2',
        type: 'function',
        function: { name: 'render', arguments: `{"html":"<svg onload=\\"${PWN}\\">` },
      },
    ])}'`,
  });
  // A plain web page as the response body: the fallback adapter shows it as raw HTTP text.
  files['script-in-body.yaml'] = goVcrChat({
    requestBody: '',
    responseBody: JSON.stringify(
      `<!doctype html><html><body><script>${PWN}</script><img src=x onerror="${PWN}">HTML-BODY-MARKER</body></html>`,
    ),
    responseHeaders: { 'Content-Type': ['text/html; charset=utf-8'] },
  }).replace('https://api.openai.com/v1/chat/completions', 'https://example.test/page');
  files['svg-data-url.yaml'] = goVcrChat({
    requestBody: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'SVG-MARKER what is in this image?' },
            { type: 'image_url', image_url: { url: svgDataUrl } },
            { type: 'image_url', image_url: { url: htmlDataUrl } },
          ],
        },
      ],
    }),
    responseBody: `'${chatCompletion(`Here: ![svg](${svgDataUrl}) and ![html](${htmlDataUrl})`)}'`,
  });
  files['dangerous-links.yaml'] = goVcrChat({
    requestBody: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'links please' }],
    }),
    responseBody: `'${chatCompletion(
      `LINKS-MARKER [js](javascript:${PWN}) [JS upper](JaVaScRiPt:${PWN}) [vb](vbscript:msgbox) [html](${htmlDataUrl}) <javascript:${PWN}>`,
    )}'`,
  });
  files['remote-image-and-link.yaml'] = goVcrChat({
    requestBody: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'https://tracker.invalid/user.png' } }],
        },
      ],
    }),
    responseBody: `'${chatCompletion('REMOTE-MARKER ![pixel](https://tracker.invalid/pixel.gif) [site](https://tracker.invalid/page)')}'`,
  });
  files['proto-pollution.yaml'] = [
    'version: 2',
    '__proto__:',
    '  polluted: yaml-top',
    'constructor:',
    '  prototype:',
    '    polluted: yaml-constructor',
    'interactions:',
    '  - __proto__: { polluted: yaml-interaction }',
    '    request:',
    '      __proto__: { polluted: yaml-request }',
    `      body: '{"__proto__":{"polluted":"json-request"},"constructor":{"prototype":{"polluted":"json-ctor"}},"model":"gpt-4o-mini","messages":[{"role":"user","content":"PROTO-MARKER","__proto__":{"polluted":"json-message"}}]}'`,
    '      headers:',
    '        __proto__: [polluted-header]',
    '        constructor: [x]',
    '        Content-Type: [application/json]',
    '      url: https://api.openai.com/v1/chat/completions',
    '      method: POST',
    '    response:',
    `      body: '{"__proto__":{"polluted":"json-response"},"choices":[{"index":0,"message":{"role":"assistant","content":"ok","__proto__":{"polluted":"json-msg"}},"finish_reason":"stop"}],"usage":{"__proto__":{"polluted":"json-usage"},"prompt_tokens":1,"completion_tokens":1}}'`,
    '      headers:',
    '        Content-Type: [application/json]',
    '      code: 200',
    '      duration: 1ms',
    '',
  ].join('\n');
  // JSON.stringify drops a literal `__proto__` key, so a placeholder is renamed in the text.
  files['proto-pollution.har'] = JSON.stringify(
    {
      log: {
        version: '1.2',
        creator: { name: 'Polly.JS', version: '6.0.6', comment: 'persister:fs' },
        __proto__MARK: { polluted: 'har-log' },
        entries: [
          {
            _id: 'x',
            _order: 0,
            __proto__MARK: { polluted: 'har-entry' },
            request: {
              method: 'POST',
              url: 'https://api.openai.com/v1/chat/completions',
              headers: [
                { name: '__proto__', value: 'polluted-header' },
                { name: 'content-type', value: 'application/json' },
              ],
              postData: {
                mimeType: 'application/json',
                text: '{"__proto__":{"polluted":"har-body"},"model":"gpt-4o-mini","messages":[{"role":"user","content":"PROTO-HAR-MARKER"}]}',
              },
            },
            response: {
              status: 200,
              headers: [{ name: 'content-type', value: 'application/json' }],
              content: {
                mimeType: 'application/json',
                text: chatCompletion('ok').replace('{', '{"__proto__":{"polluted":"har-response"},'),
              },
            },
            startedDateTime: '2025-01-01T00:00:00.000Z',
            time: 5,
            timings: { send: 0, wait: 5, receive: 0 },
          },
        ],
      },
    },
    null,
    2,
  ).replaceAll('"__proto__MARK"', '"__proto__"');
  // GHSA-rpj2-4hq8-938g: vcrpy used yaml.load; this tag would run a shell command if constructed.
  files['unsafe-python-tag.yaml'] = [
    'interactions:',
    '- request:',
    `    body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"UNSAFE-TAG-MARKER"}]}'`,
    '    headers:',
    '      Content-Type: [application/json]',
    '      X-Evil: !!python/object/apply:os.system ["touch /tmp/pwned"]',
    '    method: POST',
    '    uri: https://api.openai.com/v1/chat/completions',
    '  response:',
    `    body: {string: '${chatCompletion('the rest loaded')}'}`,
    '    headers:',
    '      Content-Type: [application/json]',
    '    status: {code: 200, message: OK}',
    'version: 1',
    '',
  ].join('\n');
  // The Ruby side: Psych's unsafe_load (YAML.load before Psych 4) builds any class a
  // `!ruby/object:` tag names; `Gem::Installer` is the usual probe of deserialization gadgets, and
  // `!ruby/hash-with-ivars` / `!ruby/object:Net::HTTPResponse` are what old VCR versions wrote when
  // they serialized a response object. None may be constructed; the interaction reads normally.
  files['unsafe-ruby-tag.yml'] = [
    '---',
    'http_interactions:',
    '- request:',
    '    method: post',
    '    uri: https://api.openai.com/v1/chat/completions',
    '    body:',
    '      encoding: UTF-8',
    `      string: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"RUBY-TAG-MARKER"}]}'`,
    '    headers:',
    '      Content-Type:',
    '      - application/json',
    '      X-Evil: !ruby/object:Gem::Installer',
    '        i: x',
    '  response:',
    '    status:',
    '      code: 200',
    '      message: OK',
    '    headers:',
    '      Content-Type:',
    '      - application/json',
    '    body:',
    '      encoding: UTF-8',
    `      string: '${chatCompletion('the rest loaded')}'`,
    '    http_version: "1.1"',
    '    adapter_metadata: !ruby/hash-with-ivars',
    '      elements:',
    '        effective_url: https://api.openai.com/v1/chat/completions',
    '      ivars:',
    '        :@net_http_res: !ruby/object:Net::HTTPResponse',
    "          http_version: '1.1'",
    "          code: '200'",
    '          message: OK',
    '  recorded_at: Wed, 01 Jan 2025 00:00:00 GMT',
    'recorded_with: VCR 6.2.0',
    '',
  ].join('\n');
  // Nine levels of nine aliases: 9^9 = 387,420,489 nodes if expanded naively.
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const prev = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  files['billion-laughs.yaml'] =
    `version: 2\n${laughs.join('\n')}\ninteractions:\n  - request: {url: "https://example.test/", method: GET, body: *i}\n    response: {code: 200, body: "x"}\n`;
  files['random-bytes.bin'] = randomBytes(4096, 0x5eed);
  files['empty.yaml'] = '';
  files['only-dashes.yaml'] = '---\n';
  files['not-a-cassette.yaml'] =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n';
  // The founding format cut mid-string: a syntax error with a line and column.
  const complete = goVcrChat({
    requestBody: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    responseBody: `'${chatCompletion('ok')}'`,
  });
  files['truncated.yaml'] = complete.slice(0, complete.indexOf('content') + 4);
  files['lone-surrogates.json'] = [
    '{"version":2,"interactions":[{"request":{"method":"POST","url":"https://api.openai.com/v1/chat/completions",',
    '"headers":{"Content-Type":["application/json"],"X-Lone":["\\ud800"]},',
    `"body":${JSON.stringify(JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'SURROGATE-MARKER' }] })).replace('SURROGATE-MARKER', 'SURROGATE-MARKER \\\\udc00 \\\\ud83d')}},`,
    `"response":{"code":200,"headers":{"Content-Type":["application/json"]},"body":${JSON.stringify(chatCompletion('lone \udfff end'))}}}]}`,
  ].join('');
  const invalid = goVcrChat({
    requestBody: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'UTF8-MARKER @@' }],
    }),
    responseBody: `'${chatCompletion('bad @@ bytes')}'`,
  });
  const parts = invalid.split('@@');
  files['invalid-utf8.yaml'] = Buffer.concat([
    Buffer.from(parts[0]),
    Buffer.from([0xff, 0xfe, 0xc3]),
    Buffer.from(parts[1]),
    Buffer.from([0xed, 0xa0, 0x80, 0x80]),
    Buffer.from(parts[2]),
  ]);
  files['bidi-zero-width.yaml'] = goVcrChat({
    requestBody: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        {
          role: 'user',
          content:
            'BIDI-MARKER access\u202e\u2066level = "user"\u2069\u2066// admin\u202c zero\u200bwidth\u200d\ufeff',
        },
      ],
    }),
    responseBody: `'${chatCompletion('ok\u202egnp.exe')}'`,
  });
  // Found by tests/fuzz: a stray "}" in a streamed JSON array (Gemini without alt=sse) once made
  // the array framer loop forever, hanging the worker and the CLI.
  files['json-array-stray-brace.yaml'] = goVcrChat({
    requestBody: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'STRAY-BRACE-MARKER' }] }] }),
    responseBody: JSON.stringify('[{"candidates":[]}}sw}]'),
  }).replace(
    'https://api.openai.com/v1/chat/completions',
    'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent',
  );
  return files;
}

/** mulberry32: a tiny seeded PRNG, so "random" bytes are the same everywhere. */
function randomBytes(length, seed) {
  const out = Buffer.alloc(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}

/** A go-vcr response body stored as `!!binary` (base64, wrapped at 76 columns like go-vcr). */
function binaryBodyCassette(bytes, encoding, marker) {
  const base64 = bytes.toString('base64').replace(/.{1,76}/g, (line) => `        ${line}\n`);
  return oneChatCassette({
    marker,
    responseBody: `!!binary |\n${base64.trimEnd()}`,
    responseHeaders: `Content-Type: [application/json], Content-Encoding: [${encoding}]`,
  });
}

/** Large fixtures, generated (git-ignored). name → () => string | Buffer. */
function largeFixtures() {
  // 100 MiB of one letter: compresses ~1000:1 with gzip and far more with brotli.
  const filler = () => Buffer.alloc(100 * MiB, 0x41);
  return {
    'deep-nesting.json': () => '['.repeat(100_000) + ']'.repeat(100_000),
    'deep-json-body.yaml': () =>
      goVcrChat({
        requestBody: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"DEEP-MARKER"}]}',
        responseBody: `'${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}'`,
      }),
    'gzip-bomb.yaml': () => binaryBodyCassette(gzipSync(filler(), { level: 9 }), 'gzip', 'GZIP-BOMB-MARKER'),
    'brotli-bomb.yaml': () =>
      binaryBodyCassette(
        brotliCompressSync(filler(), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
        'br',
        'BROTLI-BOMB-MARKER',
      ),
    'long-line-50mb.yaml': () =>
      goVcrChat({
        requestBody: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"LONG-LINE-MARKER"}]}',
        responseBody: `'${chatCompletion('x'.repeat(50 * MiB))}'`,
      }),
    'sse-100k-events.yaml': () => {
      const chunk = (i) =>
        `        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"${i % 10}"},"finish_reason":null}]}\n\n`;
      const events = [];
      for (let i = 0; i < 99_999; i++) events.push(chunk(i));
      events.push('        data: [DONE]\n');
      return goVcrChat({
        requestBody:
          '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"SSE-MARKER"}]}',
        responseBody: `|\n${events.join('')}`,
        responseHeaders: { 'Content-Type': ['text/event-stream'] },
      });
    },
    ...limitFixtures(),
    ...linkFixtures(limitFixtures()),
  };
}

export const LARGE_FIXTURE_NAMES = Object.keys(largeFixtures());

/** The recipe's fingerprint: regenerate only when this script changed (or a file is missing). */
function recipeStamp() {
  return createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(fileURLToPath(new URL('./hostile-limit-fixtures.mjs', import.meta.url))))
    .update(readFileSync(fileURLToPath(new URL('./hostile-link-fixtures.mjs', import.meta.url))))
    .update(readFileSync(fileURLToPath(new URL('./hostile-fixture-writers.mjs', import.meta.url))))
    .digest('hex');
}

/** Writes the large fixtures unless they exist and were made by this very script. */
export function ensureGeneratedFixtures({ force = false } = {}) {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const stampPath = join(GENERATED_DIR, '.stamp');
  const stamp = recipeStamp();
  const fresh =
    !force &&
    existsSync(stampPath) &&
    readFileSync(stampPath, 'utf8') === stamp &&
    LARGE_FIXTURE_NAMES.every((name) => existsSync(join(GENERATED_DIR, name)));
  if (fresh) return false;
  // Write-then-rename: test files run in parallel workers and may generate at the same time; a
  // reader must never see half a file (rename(2) is atomic within one directory).
  for (const [name, make] of Object.entries(largeFixtures()))
    writeAtomically(join(GENERATED_DIR, name), make());
  writeAtomically(stampPath, stamp);
  return true;
}

function writeAtomically(path, content) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

export function writeSmallFixtures() {
  mkdirSync(HOSTILE_DIR, { recursive: true });
  for (const [name, content] of Object.entries(smallFixtures()))
    writeFileSync(join(HOSTILE_DIR, name), content);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--small')) writeSmallFixtures();
  const wrote = ensureGeneratedFixtures({ force: process.argv.includes('--force') });
  console.log(wrote ? `wrote ${GENERATED_DIR}` : `${GENERATED_DIR} is up to date`);
}
