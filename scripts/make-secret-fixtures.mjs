#!/usr/bin/env node
/**
 * Writes the secret-bearing cassettes of issue 14 (tests/fixtures/secrets/): the same two
 * interactions in go-vcr v2, vcrpy, Ruby VCR and HAR form, with every kind of secret the issue
 * found leaking planted once, and planted.json listing each secret, what it is, and which files
 * carry it. All values are fake: deterministic strings in each issuer's documented shape.
 *
 *   node scripts/make-secret-fixtures.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'secrets');

/** A seeded PRNG (mulberry32), so every run writes the same bytes. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(14);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const fill = (n, alphabet = ALNUM) =>
  Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

const S = {
  userinfoPassword: `pw-${fill(16)}`,
  queryApiKey: `qa-${fill(18)}`,
  queryToken: `qt-${fill(18)}`,
  querySig: `qs-${fill(18)}`,
  queryAmzSignature: fill(64, '0123456789abcdef'),
  queryAmzSecurityToken: `IQoJb3JpZ2luX2Vj${fill(40)}`,
  queryClientSecret: `qc-${fill(18)}`,
  queryPassword: `qp-${fill(14)}`,
  /** Written URL-encoded in the URL; HAR's queryString[] holds it decoded. */
  queryKeyDecoded: `qk/${fill(10)}+${fill(10)}=`,
  skAfterPercent22: `sk-proj-${fill(32)}`,
  headerOcpApim: fill(32, '0123456789abcdef'),
  headerAmzSecurityToken: `FwoGZXIvYXdzE${fill(60)}`,
  headerXAuthToken: `xa-${fill(24)}`,
  headerPrivateToken: `glpat-${fill(20)}`,
  headerAnthropicApiKey: `ak-${fill(30)}`,
  headerXApiKey: `xk-${fill(30)}`,
  headerApiKey: fill(32, '0123456789abcdef'),
  headerCookie: `sid=${fill(24)}`,
  headerAuthorizationLowerBearer: `lb-${fill(28)}`,
  formClientSecret: `cs-${fill(20)}`,
  formRefreshToken: `rt-${fill(24)}`,
  formPassword: `fp-${fill(12)}`,
  formApiKey: `fk-${fill(24)}`,
  jsonAccessToken: `at-${fill(28)}`,
  jsonRefreshToken: `jr-${fill(28)}`,
  jsonApiKey: `ja-${fill(24)}`,
  jsonPassword: `jp-${fill(12)}`,
  awsSecretKey: fill(40, `${ALNUM}/+`),
  skAfterNewlineEscape: `sk-proj-${fill(32)}`,
  bodyLowerBearer: `bt${fill(30)}`,
  googleKeyEndingInDash: `AIzaSy${fill(32)}-`,
  githubPat: `ghp_${fill(36)}`,
  githubFineGrained: `github_pat_${fill(22)}_${fill(59)}`,
  jwt: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJpYXQiOjE3MDAwMDAwMDB9.${fill(43)}`,
  slackBot: `xoxb-${fill(12, '0123456789')}-${fill(12, '0123456789')}-${fill(24)}`,
  stripeLive: `sk_live_${fill(32)}`,
  huggingFace: `hf_${fill(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`,
  pemBody: fill(64, `${ALNUM}/+`),
  skInYamlComment: `sk-proj-${fill(32)}`,
  skInUnreadField: `sk-proj-${fill(32)}`,
  splitKey: `sk-proj-${fill(40)}`,
  harRequestCookie: `rc-${fill(24)}`,
  harResponseCookie: `sc-${fill(24)}`,
  harParamSecret: `pp-${fill(20)}`,
};

const enc = encodeURIComponent;
const url =
  `https://svc-user:${S.userinfoPassword}@api.example.com/v1/oauth/token` +
  `?api-key=${S.queryApiKey}&token=${S.queryToken}&sig=${S.querySig}` +
  `&X-Amz-Signature=${S.queryAmzSignature}&X-Amz-Security-Token=${S.queryAmzSecurityToken}` +
  `&client_secret=${S.queryClientSecret}&password=${S.queryPassword}&key=${enc(S.queryKeyDecoded)}` +
  `&q=%22${S.skAfterPercent22}%22`;

const requestHeaders = [
  ['Content-Type', 'application/x-www-form-urlencoded'],
  ['Ocp-Apim-Subscription-Key', S.headerOcpApim],
  ['X-Amz-Security-Token', S.headerAmzSecurityToken],
  ['X-Auth-Token', S.headerXAuthToken],
  ['Private-Token', S.headerPrivateToken],
  ['anthropic-api-key', S.headerAnthropicApiKey],
  ['x-api-key', S.headerXApiKey],
  ['api-key', S.headerApiKey],
  ['Cookie', S.headerCookie],
  ['authorization', `bearer ${S.headerAuthorizationLowerBearer}`],
];
const formBody =
  `grant_type=refresh_token&client_secret=${S.formClientSecret}&refresh_token=${S.formRefreshToken}` +
  `&password=${S.formPassword}&api_key=${S.formApiKey}`;
const pem = `-----BEGIN PRIVATE KEY-----\n${S.pemBody}\n${S.pemBody.slice(0, 32)}\n-----END PRIVATE KEY-----`;
const tokenResponse = JSON.stringify({
  access_token: S.jsonAccessToken,
  refresh_token: S.jsonRefreshToken,
  api_key: S.jsonApiKey,
  password: S.jsonPassword,
  aws_secret_access_key: S.awsSecretKey,
  note: `rotate soon\n${S.skAfterNewlineEscape}`,
  how: `send "authorization: bearer ${S.bodyLowerBearer}"`,
  maps: `"${S.googleKeyEndingInDash}"`,
  ci: `GITHUB_TOKEN=${S.githubPat} and ${S.githubFineGrained}`,
  session: S.jwt,
  slack: S.slackBot,
  billing: S.stripeLive,
  hub: S.huggingFace,
  tls: pem,
});
const responseHeaders = [['Content-Type', 'application/json']];

// A streamed chat completion (OpenAI SSE) whose reply spells a key across two deltas.
const half = 19;
const chunk = (content) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
const sseBody =
  chunk('Your key is ') +
  chunk(S.splitKey.slice(0, half)) +
  chunk(S.splitKey.slice(half)) +
  chunk('.') +
  'data: [DONE]\n\n';
const chatUrl = 'https://api.openai.com/v1/chat/completions';
const chatRequest = JSON.stringify({
  model: 'gpt-4o-mini',
  stream: true,
  messages: [{ role: 'user', content: 'key?' }],
});
const chatHeaders = [['Content-Type', 'application/json']];
const sseHeaders = [['Content-Type', 'text/event-stream']];

const q = (text) => JSON.stringify(text); // a JSON string is a valid YAML double-quoted scalar
const yamlHeaders = (headers, indent) =>
  headers.map(([n, v]) => `${indent}${q(n)}:\n${indent}- ${q(v)}`).join('\n');

function goVcr() {
  const interaction = (id, method, u, headers, body, rHeaders, rBody, extra = '') =>
    [
      `- id: ${id}`,
      '  request:',
      '    proto: HTTP/1.1',
      `    body: ${q(body)}`,
      '    form: {}',
      '    headers:',
      yamlHeaders(headers, '      '),
      `    url: ${q(u)}`,
      `    method: ${method}`,
      extra,
      '  response:',
      '    proto: HTTP/2.0',
      `    body: ${q(rBody)}`,
      '    headers:',
      yamlHeaders(rHeaders, '      '),
      '    status: 200 OK',
      '    code: 200',
      '    duration: 412ms',
    ]
      .filter((l) => l !== '')
      .join('\n');
  return [
    '---',
    `# recorded with OPENAI_API_KEY=${S.skInYamlComment}`,
    'version: 2',
    'interactions:',
    interaction(
      0,
      'POST',
      url,
      requestHeaders,
      formBody,
      responseHeaders,
      tokenResponse,
      `    x_debug_note: ${q(S.skInUnreadField)}`,
    ),
    interaction(1, 'POST', chatUrl, chatHeaders, chatRequest, sseHeaders, sseBody),
    '',
  ].join('\n');
}

function vcrpy() {
  const interaction = (method, u, headers, body, rHeaders, rBody, extra = '') =>
    [
      '- request:',
      `    body: ${q(body)}`,
      '    headers:',
      yamlHeaders(headers, '      '),
      `    method: ${method}`,
      `    uri: ${q(u)}`,
      extra,
      '  response:',
      '    body:',
      `      string: ${q(rBody)}`,
      '    headers:',
      yamlHeaders(rHeaders, '      '),
      '    status:',
      '      code: 200',
      '      message: OK',
    ]
      .filter((l) => l !== '')
      .join('\n');
  return [
    `# recorded with OPENAI_API_KEY=${S.skInYamlComment}`,
    'interactions:',
    interaction(
      'POST',
      url,
      requestHeaders,
      formBody,
      responseHeaders,
      tokenResponse,
      `    x_debug_note: ${q(S.skInUnreadField)}`,
    ),
    interaction('POST', chatUrl, chatHeaders, chatRequest, sseHeaders, sseBody),
    'version: 1',
    '',
  ].join('\n');
}

function rubyVcr() {
  const interaction = (method, u, headers, body, rHeaders, rBody, extra = '') =>
    [
      '- request:',
      `    method: ${method}`,
      `    uri: ${q(u)}`,
      '    body:',
      '      encoding: UTF-8',
      `      string: ${q(body)}`,
      '    headers:',
      yamlHeaders(headers, '      '),
      extra,
      '  response:',
      '    status:',
      '      code: 200',
      '      message: OK',
      '    headers:',
      yamlHeaders(rHeaders, '      '),
      '    body:',
      '      encoding: UTF-8',
      `      string: ${q(rBody)}`,
      '  recorded_at: Tue, 14 Nov 2023 22:13:20 GMT',
    ]
      .filter((l) => l !== '')
      .join('\n');
  return [
    '---',
    `# recorded with OPENAI_API_KEY=${S.skInYamlComment}`,
    'http_interactions:',
    interaction(
      'post',
      url,
      requestHeaders,
      formBody,
      responseHeaders,
      tokenResponse,
      `    x_debug_note: ${q(S.skInUnreadField)}`,
    ),
    interaction('post', chatUrl, chatHeaders, chatRequest, sseHeaders, sseBody),
    'recorded_with: VCR 6.2.0',
    '',
  ].join('\n');
}

function har() {
  const headers = (list) => list.map(([name, value]) => ({ name, value }));
  const query = (u) => [...new URL(u).searchParams].map(([name, value]) => ({ name, value }));
  const entry = (method, u, reqHeaders, body, mimeType, rHeaders, rBody, rMime, extra) => ({
    startedDateTime: '2023-11-14T22:13:20.000Z',
    time: 412,
    request: {
      method,
      url: u,
      httpVersion: 'HTTP/1.1',
      headers: headers(reqHeaders),
      queryString: query(u),
      cookies: extra.requestCookies ?? [],
      headersSize: -1,
      bodySize: body.length,
      postData: { mimeType, text: body, ...(extra.params ? { params: extra.params } : {}) },
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/2.0',
      headers: headers(rHeaders),
      cookies: extra.responseCookies ?? [],
      content: { size: rBody.length, mimeType: rMime, text: rBody },
      redirectURL: '',
      headersSize: -1,
      bodySize: rBody.length,
    },
    cache: {},
    timings: { send: 0, wait: 400, receive: 12 },
    ...(extra.comment ? { comment: extra.comment } : {}),
  });
  const doc = {
    log: {
      version: '1.2',
      creator: { name: 'secret-fixtures', version: '1.0' },
      comment: `recorded with OPENAI_API_KEY=${S.skInYamlComment}`,
      entries: [
        entry(
          'POST',
          url,
          requestHeaders,
          formBody,
          'application/x-www-form-urlencoded',
          responseHeaders,
          tokenResponse,
          'application/json',
          {
            requestCookies: [{ name: 'sessionid', value: S.harRequestCookie }],
            responseCookies: [{ name: '__Host-session', value: S.harResponseCookie, httpOnly: true }],
            params: [
              { name: 'grant_type', value: 'refresh_token' },
              { name: 'client_secret', value: S.harParamSecret },
            ],
            comment: S.skInUnreadField,
          },
        ),
        entry(
          'POST',
          chatUrl,
          chatHeaders,
          chatRequest,
          'application/json',
          sseHeaders,
          sseBody,
          'text/event-stream',
          {},
        ),
      ],
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const files = {
  'go-vcr-v2.yaml': goVcr(),
  'vcrpy.yaml': vcrpy(),
  'ruby-vcr.yml': rubyVcr(),
  'polly.har': har(),
};
const onlyHar = new Set(['harRequestCookie', 'harResponseCookie', 'harParamSecret']);
mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(OUT, name), text);
const planted = Object.entries(S).map(([what, secret]) => ({
  what,
  secret,
  files: onlyHar.has(what) ? ['polly.har'] : Object.keys(files),
}));
// The split key's second half is a secret too: the link must hold neither piece of it whole.
planted.push({ what: 'splitKeySecondHalf', secret: S.splitKey.slice(half), files: Object.keys(files) });
writeFileSync(
  join(OUT, 'planted.json'),
  JSON.stringify({ generatedBy: 'scripts/make-secret-fixtures.mjs', planted }, null, 2) + '\n',
);
console.log(`wrote ${Object.keys(files).length} cassettes and ${planted.length} planted secrets to ${OUT}`);
