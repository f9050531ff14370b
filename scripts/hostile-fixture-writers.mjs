/**
 * The pieces the hostile fixture scripts (make-hostile-fixtures.mjs, hostile-limit-fixtures.mjs,
 * hostile-link-fixtures.mjs) write their cassettes with. Changing one changes the bytes of the
 * fixtures: tests/hostile/catalog.ts says what each must do, and make-hostile-fixtures.mjs hashes
 * this file into its recipe stamp so the generated ones are made again.
 */

export const MiB = 1024 * 1024;

/**
 * A go-vcr v2 cassette in block style with one OpenAI chat call: the user's message is `marker`
 * (how the tests find it), `stream` adds `"stream":true`, `extraRequest` is appended to the
 * request's JSON object; `responseBody` is YAML text, `responseHeaders` the inside of the
 * response's flow-style header map.
 */
export function oneChatCassette({
  marker,
  stream = false,
  extraRequest = '',
  responseBody,
  responseHeaders = 'Content-Type: [application/json]',
}) {
  return [
    'version: 2',
    'interactions:',
    '  - request:',
    `      body: '{"model":"gpt-4o-mini",${stream ? '"stream":true,' : ''}"messages":[{"role":"user","content":"${marker}"}]${extraRequest}}'`,
    '      headers: {Content-Type: [application/json]}',
    '      url: https://api.openai.com/v1/chat/completions',
    '      method: POST',
    '    response:',
    `      body: ${responseBody}`,
    `      headers: {${responseHeaders}}`,
    '      code: 200',
    '',
  ].join('\n');
}
